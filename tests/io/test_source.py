"""Reading input within a size limit, and from what can end: ``read_source`` and ``load(max_bytes=)``."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from toc.errors import LoadError
from toc.io.load import load
from toc.io.source import DEFAULT_MAX_BYTES, human_size, read_source

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"


def test_the_default_limit_is_256_mib() -> None:
    assert DEFAULT_MAX_BYTES == 256 * 1024 * 1024
    assert human_size(DEFAULT_MAX_BYTES) == "256 MiB"


def test_a_regular_file_over_the_limit_is_refused_with_the_way_out(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"toc: 1\n" + b"#" * 2000)
    with pytest.raises(LoadError) as caught:
        load(big, max_bytes=1024)
    assert str(caught.value) == (
        f"{big}: larger than 1 KiB (raise the limit with --max-bytes, or max_bytes= in Python)"
    )


def test_a_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(b"x" * 1024)
    assert read_source(exact, 1024) == b"x" * 1024


def test_an_endless_device_is_refused_at_the_limit() -> None:
    with pytest.raises(LoadError, match=r"/dev/zero: larger than 1 MiB"):
        load("/dev/zero", max_bytes=1 << 20)


def test_a_fifo_named_explicitly_is_read_through_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "model.yaml"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(SMALL.read_bytes()))
    writer.start()
    model = load(fifo)
    writer.join()
    assert model.programme.id


def test_a_fifo_that_was_not_named_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "found.yaml"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match=r"found\.yaml: is not a regular file \(a FIFO\)"):
        read_source(fifo, explicit=False)


def test_missing_and_directory_keep_their_messages(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"nope\.yaml: no such file \(check the path\)"):
        read_source(tmp_path / "nope.yaml")
    with pytest.raises(LoadError, match="is a directory, not a model file"):
        read_source(tmp_path)


@pytest.mark.parametrize(("count", "text"), [(1024, "1 KiB"), (3 << 30, "3 GiB"), (1000, "1,000 bytes")])
def test_sizes_read_as_people_write_them(count: int, text: str) -> None:
    assert human_size(count) == text
