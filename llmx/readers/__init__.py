"""Readers: one per file format, chosen by suffix. A reader turns a file into a Document.

Each format is one module with a `read(path) -> Document` function, named in `READERS`;
modules are imported only when a file of their format is read, since PDF and DOCX libraries
are slow to import. Adding a format is one module and one line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path

from llmx.documents import Document
from llmx.errors import InputError
from llmx.record import Unreadable

Reader = Callable[[Path], Document]

# Suffix → module holding `read`. The one table of what llmx can read.
READERS: dict[str, str] = {
    ".txt": "llmx.readers.text",
    ".html": "llmx.readers.html",
    ".htm": "llmx.readers.html",
    ".docx": "llmx.readers.docx",
    # Word 97–2003, as many offices still publish; WPS Writer's own .wps is the same format.
    ".doc": "llmx.readers.word97",
    ".wps": "llmx.readers.word97",
    ".rtf": "llmx.readers.rtf",
    ".mht": "llmx.readers.webarchive",
    ".mhtml": "llmx.readers.webarchive",
    ".md": "llmx.readers.markdown",
    ".markdown": "llmx.readers.markdown",
    ".pdf": "llmx.readers.pdf",
    ".csv": "llmx.readers.delimited",
    ".tsv": "llmx.readers.delimited",
    ".xlsx": "llmx.readers.spreadsheet",
    ".xlsm": "llmx.readers.spreadsheet",
    ".xls": "llmx.readers.spreadsheet",
    # WPS Spreadsheets, which many Chinese offices publish in: an Excel 97–2003 workbook or an
    # .xlsx inside (the reader goes by what the bytes are).
    ".et": "llmx.readers.spreadsheet",
}

# Formats we recognise but cannot read, with what to do instead.
REFUSED: dict[str, str] = {
    ".ods": "an OpenDocument spreadsheet; save it as .xlsx and try again",
}


def unexpected_failure(error: Exception) -> str:
    """One line for a file a reader failed on in a way it does not foresee (a defect of
    llmx's, or of a library's, on that file): named, so the rest of the job goes on."""
    first = str(error).splitlines()[0][:200] if str(error) else ""
    return f"llmx could not read it ({type(error).__name__}{': ' + first if first else ''})"


def readable_suffixes() -> list[str]:
    return sorted(READERS)


def reader_for(path: Path) -> Reader:
    """The reader for a file, by suffix; an InputError naming the file otherwise."""
    suffix = path.suffix.lower()
    if suffix in REFUSED:
        raise InputError(f"{path}: {REFUSED[suffix]}")
    module = READERS.get(suffix)
    if module is None:
        known = ", ".join(readable_suffixes())
        what = suffix or "files without a suffix"
        raise InputError(f"{path}: cannot read {what} (llmx reads {known})")
    read: Reader = importlib.import_module(module).read
    return read


def read_document(path: Path) -> Document:
    """Read one file as a Document, whatever its format."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    return reader_for(path)(path)


def read_documents(paths: Iterable[Path]) -> tuple[list[Document], list[Unreadable]]:
    """Every file of the job read, those that cannot be read named with the reason.

    One bad file does not stop the job: the caller reports the unreadable ones and goes on.
    """
    documents: list[Document] = []
    unreadable: list[Unreadable] = []
    for path in expand_paths(paths):
        read = read_or_why(path)
        if isinstance(read, Unreadable):
            unreadable.append(read)
        else:
            documents.append(read)
    return documents, unreadable


def shown(path: Path) -> str:
    """The path as a line or a record can hold it: bytes of a file's name that are no UTF-8
    (a name made on another system) escaped, `bad\\xffname.txt`."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _named_in_utf8(path: Path) -> bool:
    return shown(path) == str(path)


_LINK_TO_NOTHING = "a link to nothing (its target is gone, or it loops)"


def _links_to_nothing(path: Path) -> bool:
    return path.is_symlink() and not path.exists()


def read_or_why(path: Path) -> Document | Unreadable:
    """One file read, or why it could not be, in one line: a job goes on past a bad file."""
    if not _named_in_utf8(path):
        # Its name could not be written in the run's records, nor its facts' document id.
        return Unreadable(path=shown(path), reason="its name is not valid UTF-8; rename the file")
    if _links_to_nothing(path):
        return Unreadable(path=str(path), reason=_LINK_TO_NOTHING)
    try:
        return read_document(path)
    except InputError as error:
        reason = str(error).removeprefix(f"{path}: ")
        return Unreadable(path=str(path), reason=reason.splitlines()[0] if reason else "")
    except OSError as error:
        return Unreadable(path=str(path), reason=str(error.strerror or error))
    except Exception as error:  # a reader's own defect: one file's, the job goes on
        return Unreadable(path=str(path), reason=unexpected_failure(error))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their files that llmx reads or refuses with a reason
    (sorted; other suffixes are skipped); errors name the bad path."""
    files: list[Path] = []
    for path in paths:
        if not _named_in_utf8(path):
            # A job records the paths it was given, to resume by; this one it could not.
            raise InputError(f"{shown(path)}: its name is not valid UTF-8; rename it")
        if path.is_dir():
            wanted = READERS.keys() | REFUSED.keys()
            # A link to nothing is kept, to be named unreadable rather than passed over.
            found = sorted(
                p
                for p in path.iterdir()
                if (p.is_file() or _links_to_nothing(p)) and p.suffix.lower() in wanted
            )
            if not found:
                known = ", ".join(readable_suffixes())
                raise InputError(f"{path}: folder has no files llmx can read ({known})")
            files.extend(found)
        elif path.exists():
            files.append(path)
        elif _links_to_nothing(path):
            raise InputError(f"{path}: {_LINK_TO_NOTHING}")
        else:
            raise InputError(f"{path}: no such file or folder")
    ids = [p.stem for p in files]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InputError(f"two documents share the id {duplicates[0]!r}; ids are file names")
    return files
