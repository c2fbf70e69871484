"""The agreements package loads its pieces when first used."""

from __future__ import annotations


def test_no_lazy_name_of_the_agreements_package_is_also_one_of_its_modules() -> None:
    """Importing ``agreements.<module>`` sets that attribute to the module: a lazy name
    shared with a module would then be the module, not the function."""
    from pathlib import Path

    from tcdesk.services import agreements

    modules = {p.stem for p in Path(agreements.__file__).parent.glob("*.py")}
    assert modules.isdisjoint(agreements.__all__)
