"""Shared fixtures: the bundled sample articles (package data, not ../shared)."""

from __future__ import annotations

import os

# CLI output is a Rich table sized to the terminal; tests read it at a fixed, wide size.
os.environ["COLUMNS"] = "200"

from importlib import resources
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return Path(str(resources.files("eventwire").joinpath("data", "samples")))


@pytest.fixture(scope="session")
def palmyra_text(samples_dir: Path) -> str:
    return (samples_dir / "palmyra-2016-03-23.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def palmyra_doc(palmyra_text: str):
    import eventwire

    return eventwire.process(palmyra_text)
