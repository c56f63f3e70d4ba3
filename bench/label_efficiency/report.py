"""Aggregates the seeds: mean ± std per method and budget, the validation choice of a Winnow variant, labels needed
to reach random's accuracy at the largest budget, the chart, and the BENCHMARKS.md section."""

from __future__ import annotations

import datetime
import os
import platform

import numpy as np

from .pipeline import WINNOW_DEFAULT

BASELINES = ("random", "least confidence", "entropy", "Sedna CrossEntropy", "cleanlab rank", "cleanlab OOD")
BEGIN, END = "<!-- label-efficiency:begin -->", "<!-- label-efficiency:end -->"


def curve(results: dict, method: str, split: str = "test") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(budgets with 0 first, mean accuracy, std) over seeds; budget 0 is the start model."""
    runs = results["runs"]
    budgets = [0] + runs[0]["budgets"]
    values = np.array([[run["base"][split]] + [run["methods"][method][str(b)][split] for b in run["budgets"]] for run in runs])
    return np.array(budgets), values.mean(axis=0), values.std(axis=0)


def labels_to_reach(budgets: np.ndarray, accuracy: np.ndarray, target: float) -> float | None:
    """The smallest label count at which the piecewise-linear mean curve reaches `target`; None if it never does."""
    for i in range(1, len(budgets)):
        if accuracy[i] >= target:
            if accuracy[i - 1] >= target:
                return float(budgets[i - 1])
            share = (target - accuracy[i - 1]) / (accuracy[i] - accuracy[i - 1])
            return float(budgets[i - 1] + share * (budgets[i] - budgets[i - 1]))
    return None


def choose_variant(results: dict) -> str | None:
    """The Winnow variant (defaults included) with the best validation accuracy averaged over budgets and seeds."""
    names = list(results["variants"])
    if len(names) < 2:
        return None
    score = {name: float(curve(results, name, "val")[1][1:].mean()) for name in names}
    best = max(names, key=lambda name: score[name])
    return None if best == WINNOW_DEFAULT else best


def methods_shown(results: dict) -> list[str]:
    """Winnow's defaults, every variant of the run (their test figures are shown; only validation chose anything), the baselines."""
    return [WINNOW_DEFAULT] + [name for name in results["variants"] if name != WINNOW_DEFAULT] + list(BASELINES)


def draw(results: dict, path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "winnow"  # stable ids in the SVG
    plt.rcParams["svg.fonttype"] = "none"  # text as text, not glyph paths: a small file
    figure, axes = plt.subplots(figsize=(7, 4.2))
    styles = {WINNOW_DEFAULT: ("#c0392b", "o", 2.2), "random": ("#555555", "s", 1.6)}
    palette = ["#2874a6", "#7d3c98", "#148f77", "#b9770e", "#5d6d7e", "#a04000", "#1e8449"]
    shown = methods_shown(results)
    for number, method in enumerate(shown):
        budgets, mean, std = curve(results, method)
        budgets = budgets + (number - (len(shown) - 1) / 2) * budgets.max() / 150  # side by side, so the bars stay readable
        colour, marker, width = styles.get(method, (palette[number % len(palette)], "^", 1.2))
        axes.errorbar(budgets, mean * 100, yerr=std * 100, label=method, color=colour, marker=marker, markersize=4,
                      linewidth=width, capsize=3)
    axes.set_xlabel("pool labels spent (start set not counted; methods drawn side by side)")
    axes.set_ylabel("test accuracy, % (mean ± std over seeds)")
    axes.set_title(f"Fashion-MNIST, {len(results['runs'])} seeds: accuracy against labels spent", fontsize=10)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, loc="lower right")
    figure.tight_layout()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    figure.savefig(path, format="svg", metadata={"Date": None})
    plt.close(figure)


def machine() -> str:
    name = platform.processor() or "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                name = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {name}, {platform.system()} {platform.release()}"


def render(results: dict, chart: str) -> str:
    draw(results, chart)
    runs, args = results["runs"], results["args"]
    budgets = runs[0]["budgets"]
    shown = methods_shown(results)
    chosen = choose_variant(results)
    header = "| method | " + " | ".join(f"{b:,} ({f:g} %)" for b, f in zip(budgets, [x * 100 for x in args["fractions"]])) + \
             " | labels to reach random's accuracy at {:,} | picks at {:,}: model errors / corrupted |".format(budgets[-1], budgets[-1])
    rows = [header, "|---|" + "---:|" * (len(budgets) + 2)]
    _, random_mean, _ = curve(results, "random")
    target = random_mean[-1]
    wins = {}
    for method in shown:
        b, mean, std = curve(results, method)
        needed = labels_to_reach(b, mean, target)
        errors = np.mean([run["methods"][method][str(budgets[-1])]["errors"] for run in runs])
        corrupted = np.mean([run["methods"][method][str(budgets[-1])]["corrupted"] for run in runs])
        cells = [f"{m * 100:.2f} ± {s * 100:.2f}" for m, s in zip(mean[1:], std[1:])]
        name = f"**{method}**" if method.startswith("Winnow") else method
        needed_text = f"{needed:,.0f}" if needed is not None else f"not reached by {budgets[-1]:,}"
        rows.append(f"| {name} | " + " | ".join(cells) + f" | {needed_text} | {errors:.0%} / {corrupted:.0%} |")
        wins[method] = (mean, needed)
    base_mean = np.mean([run["base"]["test"] for run in runs])
    base_std = np.std([run["base"]["test"] for run in runs])
    verdicts = []
    for method in [m for m in shown if m.startswith("Winnow")]:
        mean, needed = wins[method]
        beaten = [(b, other) for other in BASELINES for i, b in enumerate(budgets) if wins[other][0][i + 1] >= mean[i + 1]]
        half = needed is not None and needed <= budgets[-1] / 2
        verdicts.append(f"- **{method}**: " + ("beats every baseline at every budget" if not beaten else
                        f"does not beat every baseline at every budget ({len(beaten)} of {len(BASELINES) * len(budgets)} "
                        f"baseline × budget cells at least as good, e.g. {beaten[0][1]} at {beaten[0][0]:,})") +
                        "; " + (f"reaches random's {budgets[-1]:,}-label accuracy with {needed:,.0f} labels (target ≤ {budgets[-1] // 2:,}: met)" if half
                                else f"target of reaching random's {budgets[-1]:,}-label accuracy with ≤ {budgets[-1] // 2:,} labels: **missed**") + ".")
    variant_text = []
    if len(results["variants"]) > 1:
        variant_text = ["", f"Winnow variants on the **validation** split (mean validation accuracy over the {len(budgets)} budgets and the "
                        "seeds; the test split chose nothing):", "",
                        "| variant | `winnow mine` arguments added | mean validation accuracy |", "|---|---|---:|"]
        for name, extra in results["variants"].items():
            val = float(curve(results, name, "val")[1][1:].mean())
            variant_text.append(f"| {name}{' (best on validation)' if name == (chosen or WINNOW_DEFAULT) else ''} | `{' '.join(extra) or '(none)'}` | {val * 100:.2f} |")
    paired = ["", "Paired by seed (same start model, same pool), test accuracy minus random's at the same budget, percentage points, "
              "mean ± std over seeds:", "",
              "| method | " + " | ".join(f"{b:,}" for b in budgets) + " |", "|---|" + "---:|" * len(budgets)]
    random_values = np.array([[run["methods"]["random"][str(b)]["test"] for b in budgets] for run in runs])
    for method in shown:
        if method == "random":
            continue
        values = np.array([[run["methods"][method][str(b)]["test"] for b in budgets] for run in runs]) - random_values
        paired.append(f"| {method} | " + " | ".join(f"{m * 100:+.2f} ± {s * 100:.2f}" for m, s in zip(values.mean(axis=0), values.std(axis=0))) + " |")
    reasons_line = []
    for method in [m for m in shown if m.startswith("Winnow")]:
        counts: dict[str, int] = {}
        for run in runs:
            for reason, n in run["methods"][method][str(budgets[-1])].get("reasons", {}).items():
                counts[reason] = counts.get(reason, 0) + n
        total = sum(run["methods"][method][str(budgets[-1])]["count"] for run in runs)
        common = sorted(counts.items(), key=lambda kv: -kv[1])[:8]
        reasons_line.append(f"- {method}, picks at {budgets[-1]:,}: reasons fired (share of picks) " +
                            ", ".join(f"{r}: {n / total:.0%}" for r, n in common) + ".")
    agreement = min(run["agreement"] for run in runs)
    chart_rel = os.path.relpath(chart, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    return "\n".join([
        BEGIN,
        f"Machine: {machine()}. Date: {datetime.date.today()}. Command: `{results['command']}` "
        f"({results['seconds'] / 60:.1f} min for {len(runs)} seed(s), {results['args'].get('jobs', 1)} at a time; winnow: a release build, "
        f"`{results.get('winnow', '?')}`).",
        "",
        f"Setup per seed: start set {args['start']:,} labelled images, pool {args['pool']:,} ({args['corrupted']:.0%} corrupted: dark, "
        f"blurred, rotated, noisy), validation {args['validation']:,}, all from Fashion-MNIST's training images by one seeded permutation; "
        f"test = the 10,000 test images, untouched. Model: scikit-learn `LogisticRegression(C=1, max_iter=300)` on 14×14 pooled "
        f"pixels, served by `bench/label_efficiency/server.py` behind a Winnow batch service over the pool folder "
        f"(every pool image answered; served answers agree with the in-process model on ≥ {agreement:.2%} of the pool). "
        f"Start model: {base_mean * 100:.2f} ± {base_std * 100:.2f} % test accuracy.",
        "",
        "Methods, all at the same budget B on the same batch output (the top-5 scores of each pool image as 4-decimal strings; the "
        "10-class vector rebuilt with the unlisted mass shared equally): **Winnow** = `winnow mine --predictions OUT --type "
        "image_classification --train-manifest START.manifest --max B` (documented defaults: every reason, noisy-OR coefficient; "
        f"its selection, as `winnow mine --explain --max B` prints it: {results.get('winnow_selection', 'not recorded')}); **random** = a seeded uniform choice; **least confidence** = largest 1 − p1; **entropy** = largest "
        "normalised entropy; **Sedna CrossEntropy** = Sedna's `CrossEntropyFilter` formula and default (hard ⇔ 1 + Σ p ln p / ln K "
        "< 0.5; a few lines of Python, Sedna is not on PyPI), and since Sedna only answers hard or not, a seeded uniform choice of B "
        "among the hard samples (topped up at random if fewer); **cleanlab rank** = `cleanlab.rank.get_label_quality_scores("
        "labels=predicted labels, pred_probs)` with its defaults (`method=\"self_confidence\"`, `adjust_pred_probs=False`), lowest "
        "first — a pool has no given labels, so the model's own predictions stand in for them, which makes the score max p "
        "(least confidence up to ties); **cleanlab OOD** = `cleanlab.outlier.OutOfDistribution()` with its defaults "
        "(`method=\"entropy\"`, `adjust_pred_probs=True`), `.fit(pred_probs, labels)` on the start set's 5-fold cross-validated "
        "probabilities and labels, then `.score(pred_probs)` on the pool, lowest first — cleanlab's score that needs no label "
        "for the scored examples.",
        "",
        f"Test accuracy (%) after labelling B pool images and retraining, mean ± std (population) over seeds {', '.join(str(r['seed']) for r in runs)}:",
        "",
        *rows,
        *paired,
        *variant_text,
        "",
        *verdicts,
        *reasons_line,
        "",
        f"![test accuracy against labels spent]({chart_rel})",
        END,
    ])


def write_benchmarks(path: str, section: str) -> None:
    text = open(path).read()
    if BEGIN not in text:
        text = text.rstrip("\n") + "\n\n## Label efficiency (issue 8)\n\n" + BEGIN + "\n" + END + "\n"
    begin, end = text.index(BEGIN), text.index(END) + len(END)
    open(path, "w").write(text[:begin] + section + text[end:])
