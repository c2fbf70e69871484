"""What the bundle carries besides code, and a clear stop when a file is missing."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import ROOT

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def test_the_guide_goes_in_with_every_picture_it_shows(bundle_contents: ModuleType) -> None:
    files = bundle_contents.guide_files(ROOT)
    assert files[0] == Path("docs/guide.md")
    shown = (ROOT / "docs/guide.md").read_text(encoding="utf-8").count("](screenshots/")
    assert 0 < len(files) - 1 <= shown
    assert all((ROOT / path).is_file() for path in files)


def test_a_picture_the_guide_shows_but_the_checkout_lacks_stops_the_build(
    bundle_contents: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/guide.md").write_text("See ![x](screenshots/gone.png).", encoding="utf-8")
    with pytest.raises(bundle_contents.MissingFile, match=r"gone\.png"):
        bundle_contents.guide_files(tmp_path)


def test_a_missing_font_names_its_package(bundle_contents: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(bundle_contents.MissingFile, match="fonts-dejavu-core"):
        bundle_contents.font_files({"TCDESK_FONT_DIR": str(tmp_path)})


@pytest.mark.skipif(not (DEJAVU / "DejaVuSans.ttf").is_file(), reason="no DejaVu fonts here")
def test_fonts_come_with_their_licences(bundle_contents: ModuleType, tmp_path: Path) -> None:
    names = [name for _path, name in bundle_contents.font_files({})]
    assert names[:3] == ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "wqy-zenhei.ttc"]
    assert set(names[3:]) == {"LICENSE-fonts-dejavu-core.txt", "LICENSE-fonts-wqy-zenhei.txt"}
    copied = bundle_contents.copy_fonts(tmp_path / "fonts")  # what CI hands to Windows, macOS
    again = bundle_contents.font_files({"TCDESK_FONT_DIR": str(tmp_path / "fonts")})
    assert sorted(name for _path, name in again) == sorted(path.name for path in copied)


def test_bundle_datas_lay_out_what_paths_py_looks_for(
    bundle_contents: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spec's data, copied as PyInstaller does, is found by tcdesk frozen."""
    if not (DEJAVU / "DejaVuSans.ttf").is_file():
        pytest.skip("no DejaVu fonts here")
    frozen = tmp_path / "_internal"
    for source, folder in bundle_contents.bundle_datas(ROOT):
        target = frozen / folder
        if Path(source).is_dir():
            shutil.copytree(source, target / Path(source).name if folder == "." else target)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    monkeypatch.setattr("sys._MEIPASS", str(frozen), raising=False)

    from tcdesk import paths
    from tcdesk.documents import fonts
    from tcdesk.services.about import user_guide_path

    assert paths.assets_dir() == frozen / "assets"
    assert (paths.assets_dir() / "brand" / "tcdesk_icon.svg").is_file()
    assert (paths.flows_dir() / "teen_comprehensive.toml").is_file()
    assert user_guide_path() == frozen / "docs" / "guide.md" and user_guide_path().is_file()
    found = fonts._find("DejaVuSans.ttf", fonts._DEJAVU_DIRS)
    assert found == frozen / "assets" / "fonts" / "DejaVuSans.ttf"  # before the system's
    assert fonts._find("wqy-zenhei.ttc", fonts._CJK_DIRS) == frozen / "assets/fonts/wqy-zenhei.ttc"
