#!/usr/bin/python3
"""The notebook's MNIST autoencoder in PyTorch on the CPU, with Keras' defaults, for the side-by-side comparison.

784-128-64-32-64-128-784, ReLU on every hidden layer, sigmoid output, Glorot-uniform weights and zero biases,
Adam(lr 1e-3, betas 0.9/0.999, eps 1e-7), mean squared error, batch 256 reshuffled every epoch with the last partial
batch kept, validation on the 10,000 test images after every epoch (included in the epoch time, as Keras reports it).

Prints one JSON object on stdout (progress goes to stderr). Data: the raw IDX files in $SIMDAE_HOME/mnist or
~/.cache/simdae/mnist (train-images-idx3-ubyte, t10k-images-idx3-ubyte; .gz variants are read too).

Run with the Debian interpreter: /usr/bin/python3 bench/compare/torch_ae.py --epochs 10 --threads 2
"""
import argparse
import ctypes
import gzip
import json
import os
import platform
import resource
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn


def mnist_dir():
    home = os.environ.get("SIMDAE_HOME")
    return os.path.join(home, "mnist") if home else os.path.expanduser("~/.cache/simdae/mnist")


def read_idx_images(path):
    """An IDX3 ubyte file as an (n, rows*cols) uint8 array; header checked before anything is allocated."""
    if not os.path.exists(path) and os.path.exists(path + ".gz"):
        path = path + ".gz"
    with open(path, "rb") as f:
        head = f.read(2)
        f.seek(0)
        data = gzip.decompress(f.read()) if head == b"\x1f\x8b" else f.read()
    if len(data) < 16 or data[0] != 0 or data[1] != 0 or data[2] != 0x08 or data[3] != 3:
        raise SystemExit(f"{path}: not an IDX3 ubyte file")
    n, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    if len(data) != 16 + n * rows * cols:
        raise SystemExit(f"{path}: header says {n}x{rows}x{cols} but the file holds {len(data) - 16} pixels")
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, rows * cols)


def loaded_blas():
    """Shared libraries of BLAS/LAPACK/MKL/OpenMP the process actually mapped, symlinks resolved."""
    seen = []
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                parts = line.split()
                if len(parts) < 6:
                    continue
                p = parts[5]
                name = os.path.basename(p).lower()
                if any(k in name for k in ("blas", "mkl", "lapack", "gomp", "iomp", "omp.so")):
                    real = os.path.realpath(p)
                    if real not in seen:
                        seen.append(real)
    except OSError:
        pass
    return seen


def openblas_info(libs):
    """OpenBLAS' own config and core name (the kernel it chose), if the loaded BLAS is OpenBLAS."""
    for p in libs:
        if "blas" not in os.path.basename(p).lower():
            continue
        try:
            lib = ctypes.CDLL(p)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            info = {"library": p, "config": lib.openblas_get_config().decode(), "core": lib.openblas_get_corename().decode()}
            try:
                lib.openblas_get_num_threads.restype = ctypes.c_int
                info["openblas_threads"] = lib.openblas_get_num_threads()
            except AttributeError:
                pass
            return info
        except (OSError, AttributeError):
            continue
    return None


def cpu_capability():
    """The SIMD level ATen dispatches to, e.g. AVX2 (from torch's build/runtime summary)."""
    for line in torch.__config__.show().splitlines():
        if "CPU capability usage" in line:
            return line.split(":", 1)[1].strip()
    return "unknown"


def build_model():
    dims = [784, 128, 64, 32, 64, 128, 784]
    layers = []
    for i in range(len(dims) - 1):
        lin = nn.Linear(dims[i], dims[i + 1])
        nn.init.xavier_uniform_(lin.weight)
        nn.init.zeros_(lin.bias)
        layers.append(lin)
        layers.append(nn.Sigmoid() if i == len(dims) - 2 else nn.ReLU())
    return nn.Sequential(*layers)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--train-limit", type=int, default=0, help="use only the first N training images (0 = all)")
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(a.seed)

    d = mnist_dir()
    x_train = torch.from_numpy(read_idx_images(os.path.join(d, "train-images-idx3-ubyte")).astype(np.float32) / 255.0)
    x_test = torch.from_numpy(read_idx_images(os.path.join(d, "t10k-images-idx3-ubyte")).astype(np.float32) / 255.0)
    if a.train_limit:
        x_train = x_train[: a.train_limit].contiguous()
    n = x_train.shape[0]

    model = build_model()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    loss_fn = nn.MSELoss()

    def validate():
        model.eval()
        total = 0.0
        with torch.inference_mode():
            for s in range(0, x_test.shape[0], a.batch):
                xb = x_test[s:s + a.batch]
                total += ((model(xb) - xb) ** 2).mean(dim=1).sum().item()
        model.train()
        return total / x_test.shape[0]

    epoch_secs, losses, val_losses = [], [], []
    for e in range(a.epochs):
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        sse, seen = 0.0, 0
        for s in range(0, n, a.batch):
            xb = x_train[perm[s:s + a.batch]]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), xb)
            loss.backward()
            opt.step()
            sse += loss.item() * xb.shape[0]
            seen += xb.shape[0]
        val = validate()
        epoch_secs.append(time.perf_counter() - t0)
        losses.append(sse / seen)
        val_losses.append(val)
        print(f"pytorch epoch {e + 1}/{a.epochs}: loss {losses[-1]:.5f} val_loss {val:.5f} {epoch_secs[-1]:.2f}s", file=sys.stderr)

    model.eval()
    # Scoring throughput: reconstruction errors of the 10k test images in batches of 256; median of 5 timed passes.
    def score_all():
        with torch.inference_mode():
            out = torch.empty(x_test.shape[0])
            for s in range(0, x_test.shape[0], 256):
                xb = x_test[s:s + 256]
                out[s:s + 256] = ((model(xb) - xb) ** 2).mean(dim=1)
        return out
    score_all()
    passes = []
    for _ in range(5):
        t0 = time.perf_counter()
        score_all()
        passes.append(time.perf_counter() - t0)
    images_per_s = x_test.shape[0] / statistics.median(passes)

    # Batch-1 latency: one image, error included; median of 1000 calls after 200 warm-up calls.
    one = x_test[:1].clone()
    lat = []
    with torch.inference_mode():
        for i in range(1200):
            t0 = time.perf_counter_ns()
            err = ((model(one) - one) ** 2).mean().item()
            t1 = time.perf_counter_ns()
            if i >= 200:
                lat.append((t1 - t0) / 1e3)

    libs = loaded_blas()
    timed = epoch_secs[1:] if len(epoch_secs) > 1 else epoch_secs
    print(json.dumps({
        "tool": "pytorch",
        "version": torch.__version__,
        "python": platform.python_version(),
        "threads": torch.get_num_threads(),
        "interop_threads": torch.get_num_interop_threads(),
        "epochs": a.epochs,
        "train_samples": n,
        "seconds_per_epoch": statistics.median(timed),
        "seconds_per_epoch_note": "median of epochs 2..n" if len(epoch_secs) > 1 else "single epoch, includes warm-up",
        "epoch_seconds": epoch_secs,
        "final_loss": losses[-1],
        "final_val_loss": val_losses[-1],
        "score_images_per_s": images_per_s,
        "latency_us_batch1": statistics.median(lat),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "blas_loaded": libs,
        "openblas": openblas_info(libs),
        "torch_cpu_capability": cpu_capability(),
        "blas_env": {k: v for k, v in os.environ.items() if "BLAS" in k or k.startswith(("OMP_", "MKL_", "GOMP"))},
    }))


if __name__ == "__main__":
    main()
