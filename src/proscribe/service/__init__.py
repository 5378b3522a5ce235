"""Service-side operations used by the HTTP API and the web pages: search, link review, watchlists."""
