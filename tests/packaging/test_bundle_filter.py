"""What the bundle leaves out: unused Qt plugins, translations, libraries nothing links."""

from __future__ import annotations

from types import ModuleType

import pytest

QT = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    "dest",
    [
        f"{QT}/platforms/libqxcb.so",
        f"{QT}/platforms/libqoffscreen.so",
        f"{QT}/platforms/qwindows.dll",
        f"{QT}/platforms/libqcocoa.dylib",
        f"{QT}/imageformats/libqjpeg.so",
        f"{QT}/imageformats/qjpeg.dll",
        f"{QT}/imageformats/libqsvg.so",
        f"{QT}/iconengines/libqsvgicon.so",
        f"{QT}/printsupport/libcupsprintersupport.so",
        f"{QT}/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Core.so.6",  # no plugin: kept by this rule
        "libxcb-cursor.so.0",
    ],
)
def test_kept(bundle_filter: ModuleType, dest: str) -> None:
    assert bundle_filter.is_kept_plugin(dest)


@pytest.mark.parametrize(
    "dest",
    [
        f"{QT}/platformthemes/libqgtk3.so",  # would bring GTK 3 along
        f"{QT}/platforms/libqwayland-generic.so",
        f"{QT}/platforms/libqeglfs.so",
        f"{QT}/imageformats/libqtiff.so",
        f"{QT}/imageformats/libqpdf.so",
        f"{QT}/sqldrivers/libqsqlite.so",
        f"{QT}/tls/libqopensslbackend.so",
        f"{QT}/qmltooling/libqmldbg_debugger.so",
        f"{QT}/wayland-shell-integration/libxdg-shell.so",
        "PySide6\\Qt\\plugins\\networkinformation\\qnetworklistmanager.dll",
    ],
)
def test_dropped(bundle_filter: ModuleType, dest: str) -> None:
    assert not bundle_filter.is_kept_plugin(dest)


def test_translations_are_dropped_other_data_kept(bundle_filter: ModuleType) -> None:
    datas = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
        ("assets/brand/tcdesk_icon.svg", "/x/tcdesk_icon.svg", "DATA"),
        ("presentation_flows/lang/es/language.toml", "/x/language.toml", "DATA"),
    ]
    kept = [dest for dest, _src, _kind in bundle_filter.keep_datas(datas)]
    assert kept == ["assets/brand/tcdesk_icon.svg", "presentation_flows/lang/es/language.toml"]


def test_libraries_only_a_dropped_plugin_links_are_dropped(bundle_filter: ModuleType) -> None:
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/v/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/v/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/v/libQt6Core.so.6", "BINARY"),
        (f"{QT}/platforms/libqxcb.so", "/v/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        (f"{QT}/platformthemes/libqgtk3.so", "/v/libqgtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/p/libpython3.11.so.1.0", "BINARY"),
    ]
    links = {
        "/v/QtWidgets.abi3.so": ["/v/libQt6Widgets.so.6"],
        "/v/libQt6Widgets.so.6": ["/v/libQt6Core.so.6", None],  # None: not found
        "/v/libqxcb.so": ["libxcb-cursor.so.0"],  # by name only
        "/v/libqgtk3.so": ["/usr/lib/libgtk-3.so.0"],
    }
    kept = bundle_filter.keep_binaries(
        binaries, lambda path: links.get(path, []), prune_unlinked=True
    )
    assert [dest for dest, _src, _kind in kept] == [
        "PySide6/QtWidgets.abi3.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        f"{QT}/platforms/libqxcb.so",
        "libxcb-cursor.so.0",
        "libpython3.11.so.1.0",
    ]
    plugins_only = bundle_filter.keep_binaries(binaries, lambda path: [], prune_unlinked=False)
    assert "libgtk-3.so.0" in [dest for dest, _src, _kind in plugins_only]


def test_developer_tools_stay_out_of_the_bundle(bundle_filter: ModuleType) -> None:
    keep = bundle_filter.keep_tcdesk_module
    assert keep("tcdesk.cli.demo_command")
    assert keep("tcdesk.ui.app")
    assert keep("tcdesk.ui.screen_snapshot")  # "Save the screen": a user's command too
    assert not keep("tcdesk.devtools.virtual_screens")
    assert not keep("tcdesk.ui.desk.screenshots")
    assert not keep("tcdesk.ui.desk.import_screenshots")
    assert not keep("tcdesk.ui.screenshot_kit")


def test_unused_qt_modules_are_excluded(bundle_filter: ModuleType) -> None:
    excluded = set(bundle_filter.EXCLUDED_MODULES)
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick"} <= excluded
    used = {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPdf", "QtPdfWidgets", "QtSvg"}
    assert not {f"PySide6.{name}" for name in used | {"QtPrintSupport"}} & excluded
