"""The web interface: server-rendered pages (Jinja2) over the same registry as the API."""
