"""The labelling standard lives in the repository (docs/ANNOTATION.md), so a clone has it;
it must stay word for word the shared standard it was copied from."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_REPOSITORY = ROOT / "docs" / "ANNOTATION.md"
SHARED = ROOT.parent / "shared" / "ANNOTATION.md"


def test_the_standard_is_in_the_repository_and_the_readme_links_it() -> None:
    assert IN_REPOSITORY.read_text(encoding="utf-8").startswith("#")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/ANNOTATION.md)" in readme
    assert "../shared" not in readme


def test_the_repository_copy_is_the_shared_standard() -> None:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is not beside the checkout: nothing to compare with")
    assert IN_REPOSITORY.read_text(encoding="utf-8") == SHARED.read_text(encoding="utf-8"), (
        f"docs/ANNOTATION.md differs from {SHARED}: copy the shared standard over it"
    )
