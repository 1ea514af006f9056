"""Charts of a benchmark run (bin/benchmark): target/bench/results.json -> PNG files.

usage: python bench/charts.py results.json OUTPUT_DIR
"""
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402

CLIENTS = [  # (client, label, style)
    ("driver", "s3inventory-jdbc (driver)", dict(color="tab:blue", marker="o", linewidth=2.5)),
    ("sdk-parallel", "hand-written SDK, parallel", dict(color="tab:green", marker="s", linestyle="--")),
    ("sdk-async", "hand-written SDK, async Netty", dict(color="tab:olive", marker="^", linestyle=":")),
    ("sequential", "sequential loop (StackQL default, scripts)", dict(color="tab:orange", marker="D")),
    ("aws-cli", "AWS CLI loop", dict(color="tab:red", marker="x")),
]


def cells(results, scenario, client):
    return [r for r in results if r["scenario"] == scenario and r["client"] == client]


def seconds(r):
    return r["medianMs"] / 1000.0


def time_vs_buckets(results, rtts, out):
    fig, axes = plt.subplots(1, len(rtts), figsize=(5 * len(rtts), 4.5), sharey=True)
    axes = axes if len(rtts) > 1 else [axes]
    for ax, rtt in zip(axes, rtts):
        for client, label, style in CLIENTS:
            pts = sorted((r["buckets"], seconds(r), r["scaled"]) for r in cells(results, "full-scan", client)
                         if r["rttMs"] == rtt)
            if not pts:
                continue
            ax.plot([p[0] for p in pts], [p[1] for p in pts], label=label, **style)
            for x, y, scaled in pts:
                if scaled:
                    ax.annotate("~", (x, y), textcoords="offset points", xytext=(4, 4), fontsize=9)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(f"full scan, {rtt} ms round trip")
        ax.set_xlabel("buckets")
        ax.grid(True, which="both", alpha=0.3)
    axes[0].set_ylabel("seconds (median; ~ = extrapolated)")
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "time-vs-buckets.png", dpi=110)
    plt.close(fig)


def time_vs_rtt(results, buckets, out):
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    for client, label, style in CLIENTS:
        pts = sorted((r["rttMs"], seconds(r)) for r in cells(results, "full-scan", client) if r["buckets"] == buckets)
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], label=label, **style)
    ax.set_yscale("log")
    ax.set_title(f"full scan of {buckets:,} buckets vs round-trip time")
    ax.set_xlabel("round-trip time added by the proxy (ms)")
    ax.set_ylabel("seconds (median; log scale)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "time-vs-rtt.png", dpi=110)
    plt.close(fig)


def concurrency_sweep(results, out, prefix, server, name):
    rows = [r for r in results if r["scenario"].startswith(prefix)]
    if not rows:
        return
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    for client, label, style in CLIENTS:
        pts = sorted((int(r["scenario"][len(prefix):]), seconds(r)) for r in rows if r["client"] == client)
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], label=label, **style)
    ax.set_xscale("log", base=2)
    ax.set_title(f"{rows[0]['buckets']:,} buckets, {rows[0]['rttMs']} ms RTT, {server}", fontsize=10)
    ax.set_xlabel("parallel requests (maxConcurrency)")
    ax.set_ylabel("seconds (median)")
    ax.set_ylim(bottom=0)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / name, dpi=110)
    plt.close(fig)


def main():
    doc = json.loads(Path(sys.argv[1]).read_text())
    out = Path(sys.argv[2])
    results = doc["results"]
    rtts = sorted({r["rttMs"] for r in results if r["scenario"] == "full-scan"})
    sizes = sorted({r["buckets"] for r in results if r["scenario"] == "full-scan"})
    time_vs_buckets(results, rtts, out)
    time_vs_rtt(results, 1000 if 1000 in sizes else sizes[-1], out)
    concurrency_sweep(results, out, "tuning-c", "LocalStack", "concurrency-localstack.png")
    concurrency_sweep(results, out, "fast-c", "in-process S3 server", "concurrency-fast-server.png")


if __name__ == "__main__":
    main()
