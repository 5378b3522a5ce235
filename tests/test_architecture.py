"""The shape of the package: one direction of imports, no cycles, tables touched only by stores.

Walks the import graph of ``src/proscribe`` with :mod:`ast` (every ``import`` and ``from ... import``,
including those inside functions) and checks it against the layers in docs/architecture.md.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest
import typer

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "proscribe"

# Lower layers first. A module may import its own layer and the layers below it, never above.
LAYERS: list[tuple[str, set[str]]] = [
    (
        "core",
        {
            "errors",
            "dates",
            "jurisdictions",
            "model",
            "canonical",
            "serialize",
            "store",
            "names",
            "nesting",
            "download",
        },
    ),
    (
        "journal",
        {
            "journal",
            "entities",
            "views",
            "timeline",
            "records",
            "bundled",
            "ledger",
            "integrity",
            "checkpoint",
        },
    ),
    ("registry", {"registry"}),
    (
        "features",
        {"sources", "lists", "screening", "news", "procedures", "watchlists", "story", "render"},
    ),
    ("interfaces", {"api", "web"}),
    ("cli", {"cli", "__main__"}),
]

# Modules that may touch store/tables.py: the store package and the classes that own tables.
TABLE_OWNERS = {
    "store",
    "journal",
    "entities",
    "ledger",
    "integrity",
    "checkpoint",
    "registry",
    "lists.store",
    "lists.links",
    "lists.importer",
    "screening.audit",
    "screening.exclusions",
    "screening.screener",
    "news.review",
    "news.watch",
    "procedures.cases",
    "watchlists.store",
    "api.auth",
    "api.limits",
    "api.sessions",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """Modules of this package that ``path`` imports (as dotted names below ``proscribe``).

    ``from proscribe.x import y`` imports module ``x.y`` when there is one, else a name of ``x``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name == "proscribe" or name.startswith("proscribe."):
                module = name.removeprefix("proscribe").lstrip(".")
                # a name imported from a module, not a module itself: the module it lives in
                while module and module not in modules:
                    module = module.rpartition(".")[0]
                found.add(module)
    return found


@functools.cache
def _graph() -> dict[str, set[str]]:
    modules = {
        _module_name(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.relative_to(PACKAGE).parts
    }
    return {name: {m for m in _imports(path, set(modules)) if m != name} for name, path in modules.items()}


def _layer(module: str) -> int:
    top = module.split(".")[0]
    for number, (_, tops) in enumerate(LAYERS):
        if top in tops:
            return number
    raise AssertionError(f"module '{module}' belongs to no layer: add it to LAYERS and docs/architecture.md")


def test_every_module_has_a_layer() -> None:
    for module in _graph():
        if module:
            _layer(module)


def test_no_upward_imports() -> None:
    upward = [
        f"{module} ({LAYERS[_layer(module)][0]}) imports {target} ({LAYERS[_layer(target)][0]})"
        for module, targets in _graph().items()
        if module
        for target in targets
        if target and _layer(target) > _layer(module)
    ]
    assert upward == []


def test_no_import_cycles() -> None:
    graph = _graph()
    # the package's own __init__ re-exports its public API; it is not a dependency of anything
    graph = {m: {t for t in ts if t} for m, ts in graph.items() if m}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_feature_packages_hold_no_cli_code() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("cli.py") if path.parent.name != "cli"
    ]
    assert offenders == []
    typer_users = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "cli" and "import typer" in path.read_text(encoding="utf-8")
    ]
    assert typer_users == []


def test_cli_common_imports_no_other_cli_module() -> None:
    assert {t for t in _graph()["cli.common"] if t.startswith("cli")} == set()


@pytest.mark.parametrize("module", sorted(m for m in _graph() if m and "store.tables" in _graph()[m]))
def test_only_stores_touch_the_tables(module: str) -> None:
    assert module in TABLE_OWNERS or module.split(".")[0] in TABLE_OWNERS, (
        f"{module} imports store.tables; go through a store class instead"
    )


def test_the_table_of_command_groups_names_every_command() -> None:
    """`proscribe CMD` loads only CMD's group: the table must say which group owns each command."""
    from proscribe.cli.main import GROUPS, _groups_for, build_app

    def names(app: typer.Typer) -> set[str]:
        commands = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
        return commands | {g.name or "" for g in app.registered_groups}

    everything: set[str] = set()
    for group, commands in GROUPS.items():
        assert names(build_app((group,))) == set(commands), group
        everything |= set(commands)
    assert names(build_app()) == everything
    assert _groups_for(["proscribe", "screen", "Hamas"]) == ("screening",)
    assert _groups_for(["proscribe", "screen", "--help"]) == tuple(GROUPS)
    assert _groups_for(["proscribe"]) == tuple(GROUPS)
