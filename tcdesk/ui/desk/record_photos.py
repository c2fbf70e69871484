"""Photos & x-rays: thumbnails of the family's pictures, imported from files, with captions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services import consult_photos
from tcdesk.services import consult_record as rec
from tcdesk.services.desk import Desk
from tcdesk.ui.desk.record_common import FieldMessages, RecordHost, error_label
from tcdesk.ui.documents.background import BackgroundRunner

THUMB = QSize(180, 180)
PICTURE_FILTER = "Pictures (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"


def thumbnail(path: str) -> QPixmap:
    """A small upright copy; an empty grey square when the file cannot be read."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        empty = QPixmap(THUMB)
        empty.fill(Qt.GlobalColor.lightGray)
        return empty
    return QPixmap.fromImage(image)


class PhotosSection(QWidget):
    def __init__(self, desk: Desk, host: RecordHost, start_folder: Path | None = None) -> None:
        super().__init__()
        self._desk = desk
        self._host = host
        self._shown: rec.ConsultRecord | None = None
        self._start_folder = start_folder or Path.home()
        self.file_dialog: QFileDialog | None = None
        self.runner = BackgroundRunner(parent=self)
        self.pictures = QListWidget()
        self.pictures.setObjectName("photoList")
        self.pictures.setAccessibleName("Photos")
        self.pictures.setViewMode(QListView.ViewMode.IconMode)
        self.pictures.setIconSize(THUMB)
        self.pictures.setGridSize(QSize(THUMB.width() + 40, THUMB.height() + 56))
        self.pictures.setResizeMode(QListView.ResizeMode.Adjust)
        self.pictures.setMovement(QListView.Movement.Static)
        self.pictures.setWordWrap(True)
        self.pictures.currentRowChanged.connect(self._picked)
        self.empty_label = QLabel(
            "No photos or x-rays yet. They show on the findings slide, this consult's first."
        )
        self.empty_label.setProperty("role", "muted")
        self.kind = QComboBox()
        self.kind.setObjectName("photoKind")
        for value in rec.KIND_VALUES:
            self.kind.addItem(rec.KIND_LABELS[value], value)
        kind_label = QLabel("&Import as")
        kind_label.setBuddy(self.kind)
        self.add_button = QPushButton("Add &photos…")
        self.add_button.setObjectName("addPhotos")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.choose_files)
        self.caption = QLineEdit()
        self.caption.setObjectName("photoCaption")
        self.caption.setPlaceholderText("e.g. Smile, front")
        self.caption.returnPressed.connect(self.save_caption)
        caption_label = QLabel("&Caption")
        caption_label.setBuddy(self.caption)
        self.caption_button = QPushButton("&Save caption")
        self.caption_button.setObjectName("saveCaption")
        self.caption_button.clicked.connect(self.save_caption)
        self.remove_button = QPushButton("&Remove picture")
        self.remove_button.setObjectName("removePhoto")
        self.remove_button.clicked.connect(self.remove)
        self.import_error = error_label("photoImportError")
        self.caption_error = error_label("photoCaptionError")
        self.note = QLabel("")
        self.note.setProperty("role", "muted")
        self.messages = FieldMessages(self.import_error)
        self.messages.add("photos", self.import_error, self.add_button)
        self.messages.add("kind", self.import_error, self.kind)
        self.messages.add("caption", self.caption_error, self.caption)

        import_row = QHBoxLayout()
        import_row.addWidget(kind_label)
        import_row.addWidget(self.kind)
        import_row.addWidget(self.add_button)
        import_row.addStretch(1)
        caption_row = QHBoxLayout()
        caption_row.addWidget(caption_label)
        caption_row.addWidget(self.caption, 1)
        caption_row.addWidget(self.caption_button)
        caption_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(import_row)
        layout.addWidget(self.import_error)
        layout.addWidget(self.note)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.pictures, 1)
        layout.addLayout(caption_row)
        layout.addWidget(self.caption_error)

    def show_record(self, shown: rec.ConsultRecord) -> None:
        self._shown = shown
        row = self.pictures.currentRow()
        self.pictures.clear()
        for entry in shown.photos:
            photo = entry.photo
            words = [entry.kind_label]
            if photo.caption:
                words.append(photo.caption)
            if not entry.this_consult:
                words.append("(earlier consult)")
            item = QListWidgetItem(QIcon(thumbnail(entry.file)), " · ".join(words))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            item.setToolTip(f"{photo.width} × {photo.height} px")
            self.pictures.addItem(item)
        self.empty_label.setVisible(not shown.photos)
        if shown.photos:
            self.pictures.setCurrentRow(min(max(row, 0), len(shown.photos) - 1))
        self._picked(self.pictures.currentRow())

    def selected(self):
        row = self.pictures.currentRow()
        if self._shown is None or not 0 <= row < len(self._shown.photos):
            return None
        return self._shown.photos[row].photo

    def _picked(self, _row: int) -> None:
        photo = self.selected()
        self.caption.setText(photo.caption if photo else "")
        for widget in (self.caption, self.caption_button, self.remove_button):
            widget.setEnabled(photo is not None)

    def choose_files(self) -> None:
        """Several JPEG or PNG files at once; Qt's own dialog, so the keyboard works the same."""
        dialog = QFileDialog(self, "Add photos or x-rays", str(self._start_folder))
        dialog.setObjectName("photoFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(PICTURE_FILTER)
        dialog.filesSelected.connect(self.import_files)
        dialog.finished.connect(lambda _result: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()

    def import_files(self, files: list[str]) -> None:
        """Pictures are checked and shrunk off the GUI thread; the rows are written here."""
        if self._shown is None or not files or self.runner.is_busy():
            return
        if not self._host.gate.allows():
            return
        self._start_folder = Path(files[0]).parent
        cid = self._shown.consult.id
        kind = self.kind.currentData()
        try:
            folder = consult_photos.media_folder(self._desk)
            keep = consult_photos.keeps_originals(self._desk)
        except UserError as error:
            self.messages.show(error)
            return
        count = len(files)
        self.note.setText(f"Importing {count} picture{'s' if count != 1 else ''}…")
        self.add_button.setEnabled(False)

        def stored(images) -> None:
            self.add_button.setEnabled(True)
            done = self._host.apply(
                self.messages,
                lambda: consult_photos.add_stored_photos(self._desk, cid, images, kind=kind),
            )
            if done is None:
                self.note.setText("")
                return
            added = len(done.changed.added)
            text = f"{added} picture{'s' if added != 1 else ''} added."
            self.note.setText(f"{text} {done.note}".strip())

        def refused(error: BaseException) -> None:
            self.add_button.setEnabled(True)
            self.note.setText("")
            if not isinstance(error, UserError):
                raise error
            self.messages.show(error)

        self.runner.run(
            lambda: consult_photos.store_pictures(folder, files, keep_originals=keep),
            stored,
            refused,
        )

    def save_caption(self) -> None:
        photo = self.selected()
        if photo is None or self._shown is None:
            return
        cid = self._shown.consult.id
        text = self.caption.text()
        self._host.apply(
            self.messages,
            lambda: rec.edit_photo(self._desk, photo.id, caption=text, consult_id=cid),
        )

    def remove(self) -> None:
        photo = self.selected()
        if photo is None or self._shown is None:
            return
        cid = self._shown.consult.id
        self._host.apply(
            self.messages, lambda: rec.remove_photo(self._desk, photo.id, consult_id=cid)
        )
