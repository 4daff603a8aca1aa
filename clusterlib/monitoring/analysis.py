"""The monitoring and benchmarking step for one province, end to end: what notebook 04 shows.

:func:`analyse_monitoring` reads and validates the data, builds the cluster's monitoring plan with
its statuses and projections, benchmarks the cluster's sector against the 81 provinces and its peers,
the province's economy on real TÜİK statistics, the indicators against international clusters and the
cluster management against the ESCA labels, and writes the findings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from clusterlib import nace, official
from clusterlib.config import SAMPLE_DIR
from clusterlib.data import load_tables
from clusterlib.i18n import check_language, t
from clusterlib.monitoring.benchmarking import METRICS, national_scorecard, peer_provinces, sector_by_province
from clusterlib.monitoring.economy import gva_growth, gva_structure, province_rank
from clusterlib.monitoring.findings import (
    PEERS_K,
    economy_finding,
    format_metric,
    international_finding,
    management_finding,
    national_finding,
    next_steps_finding,
    peers_finding,
    plan_finding,
    stale_label,
    status_label,
    trajectory_finding,
)
from clusterlib.monitoring.international import international_gaps, reference_names
from clusterlib.monitoring.labels import unit_label
from clusterlib.monitoring.management import holding_back, management_scorecard
from clusterlib.monitoring.plan import direction_conflicts, indicator_summary, monitoring_plan
from clusterlib.processed import save_tables
from clusterlib.regions import Province, provinces
from clusterlib.regions import province as resolve_province
from clusterlib.resultcache import cached_analysis

__all__ = ["MonitoringBenchmarking", "MonitoringFindings", "analyse_monitoring", "cluster_of"]

ECONOMY_START, ECONOMY_END = 2004, 2023



@dataclass(frozen=True)
class MonitoringFindings:
    """The plain-language finding on top of each section of the report."""

    plan: str
    trajectory: str
    national: str
    peers: str
    economy: str
    international: str
    management: str
    next_steps: str


@dataclass(frozen=True)
class MonitoringBenchmarking:
    """Everything the monitoring and benchmarking report shows for one province and cluster."""

    province: Province
    cluster: str | None
    sector_name: str
    divisions: tuple[str, ...]
    lang: str
    year: int
    period: int
    amber: float
    window: int
    gold: float
    plan: pd.DataFrame
    summary: pd.DataFrame
    sector_table: pd.DataFrame
    scorecard: pd.DataFrame
    ranks: pd.DataFrame
    strong: bool
    stars: pd.Series
    stars_all: pd.DataFrame
    peers: pd.DataFrame
    gva_growth: pd.DataFrame
    gva_structure: pd.DataFrame
    gdp_per_capita: dict
    ses: dict
    gaps: pd.DataFrame
    management: pd.DataFrame | None
    management_score: float
    management_label: str
    findings: MonitoringFindings
    data_dir: Path

    # ------------------------------------------------------------------ presentation helpers
    def heading(self, key: str) -> str:
        """A section heading in the report's language."""
        return t(f"monitoring.h.{key}", self.lang, province=self.province.name, sector=self.sector_name)

    def thresholds(self) -> str:
        """The status thresholds, in words (they are parameters, shown in the report)."""
        return t("monitoring.thresholds", self.lang, amber=f"{self.amber:g}".replace(".", "," if self.lang == "tr"
                                                                                     else "."))

    def indicator_names(self) -> pd.Series:
        """Indicator names in the report's language, by indicator id."""
        column = f"name_{self.lang}"
        return self.summary.set_index("indicator")[column] if not self.summary.empty else pd.Series(dtype=str)

    def summary_line(self) -> str:
        """One deterministic line (checked by nbval): province, cluster, statuses, strong flag and stars."""
        counts = self.summary["status"].value_counts().to_dict() if not self.summary.empty else {}
        status = " ".join(f"{s}={counts.get(s, 0)}" for s in ("green", "amber", "red", "grey"))
        return (f"{self.province.name} {self.cluster} divisions={','.join(self.divisions)} {status} "
                f"strong={self.strong} stars={int(self.stars['stars'])} management={self.management_label}")

    def monitoring_table(self) -> pd.DataFrame:
        """The latest status of every indicator, with symbol and words beside the colour."""
        columns = ("indicator", "latest_year", "latest_target", "latest_actual", "progress", "status", "final_target",
                   "year_met")
        if self.summary.empty:
            return pd.DataFrame(columns=[t(f"monitoring.col.{c}", self.lang) for c in columns])
        s = self.summary
        conflicting = set(direction_conflicts(self.plan)["indicator"])
        frame = pd.DataFrame({
            "indicator": [
                f"{n} ({unit_label(u, self.lang)})" for n, u in zip(s[f"name_{self.lang}"], s["unit"], strict=True)
            ],
            "latest_year": s["latest_year"], "latest_target": s["latest_target"], "latest_actual": s["latest_actual"],
            "progress": s["progress"],
            "status": [(stale_label(r, self.lang) if r.status == "grey" and pd.notna(r.latest_year)
                        else status_label(r.status, self.lang))
                       + (f" — {t('monitoring.status.conflict', self.lang)}" if r.indicator in conflicting else "")
                       for r in s.itertuples(index=False)],
            "final_target": s["final_target"],
            "year_met": s["year_met"],
        })
        return frame.rename(columns=lambda c: t(f"monitoring.col.{c}", self.lang))

    def scorecard_table(self) -> pd.DataFrame:
        """The national scorecard with translated metric names."""
        card = self.scorecard.copy()
        for column in ("value", "median"):
            card[column] = [format_metric(m, v, self.lang) for m, v in zip(card["metric"], card[column], strict=True)]
        card["metric"] = [t(f"monitoring.metric.{m}", self.lang) for m in card["metric"]]
        return card.rename(columns=lambda c: t(f"monitoring.col.{c}", self.lang))

    def peers_table(self) -> pd.DataFrame:
        """The province and its peers side by side on the scorecard metrics and the percentile ranks."""
        plates = [self.province.plate, *self.peers["plate"].tolist()]
        why = {p: [] for p in plates}
        for row in self.peers.itertuples(index=False):
            if row.same_nuts2:
                why[row.plate].append(t("monitoring.why.region", self.lang))
            if row.similar:
                why[row.plate].append(t("monitoring.why.similar", self.lang))
        table = self.sector_table.reindex(plates)
        out = pd.DataFrame({"province": table["province"], "why": [", ".join(why[p]) for p in plates]})
        for metric in METRICS:
            name = t(f"monitoring.metric.{metric}", self.lang)
            out[name] = [format_metric(metric, v, self.lang) for v in table[metric]]
        out["stars"] = self.stars_all.reindex(plates)["stars"].to_numpy()
        out = out.reset_index(drop=True)
        return out.rename(columns=lambda c: t(f"monitoring.col.{c}", self.lang) if c in ("province", "why", "stars")
                          else c)

    def economy_table(self) -> pd.DataFrame:
        """Real growth and structure of value added by A10 sector, with the official source."""
        names = a10_names(self.lang)
        merged = self.gva_structure.merge(self.gva_growth, on="sector", how="left")
        out = pd.DataFrame({
            "sector": [names[s] for s in merged["sector"]], "share": merged["share"],
            "turkiye_share": merged["turkiye_share"], "lq": merged["lq"], "province_cagr": merged["province_cagr"],
            "turkiye_cagr": merged["turkiye_cagr"],
        })
        return out.rename(columns=lambda c: t(f"monitoring.col.{c}", self.lang))

    def a10_names(self) -> dict[str, str]:
        """Names of the A10 sectors in the report's language."""
        return a10_names(self.lang)

    def economy_percent_columns(self) -> list[str]:
        """Columns of :meth:`economy_table` that hold proportions."""
        return [t(f"monitoring.col.{c}", self.lang) for c in ("share", "turkiye_share", "province_cagr",
                                                                "turkiye_cagr")]

    def gaps_table(self) -> pd.DataFrame:
        """International reference values and the cluster's gap to each."""
        g = self.gaps
        out = pd.DataFrame({
            "indicator": g[f"name_{self.lang}"], "latest_year": g["year"], "latest_actual": g["actual"],
            "reference": reference_names(g, self.lang),
            "country": g["country"], "reference_value": g["value"], "gap": g["gap"],
        })
        return out.rename(columns=lambda c: t(f"monitoring.col.{c}", self.lang))

    def management_table(self) -> pd.DataFrame:
        """The six ESCA areas: self-assessment, label medians and gap to the Gold threshold."""
        if self.management is None:
            return pd.DataFrame()
        m = self.management
        names = self.indicator_names().to_dict()
        out = pd.DataFrame({
            "area": [t(f"monitoring.area.{a}", self.lang) for a in m["area"]], "score": m["score"],
            "gold_median": m["gold_median"], "silver_median": m["silver_median"], "gap_to_gold": m["gap_to_gold"],
            "holds_back": [t("monitoring.yes" if b else "monitoring.no", self.lang) for b in m["holds_back"]],
            "held_back_by": [", ".join(names.get(i, i) for i in ids) for ids in m["held_back_by"]],
        })
        return out.rename(columns=lambda c: t(f"monitoring.col.{c}", self.lang))

    def parameters(self) -> dict[str, object]:
        """The parameters of the run, for the provenance cell."""
        return {"province": self.province.name, "cluster": self.cluster, "divisions": list(self.divisions),
                "year": self.year, "period": self.period, "amber": self.amber, "window": self.window,
                "gold": self.gold, "lang": self.lang, "data_dir": str(self.data_dir)}

    def save(self, processed_dir: str | Path | None = None) -> list[Path]:
        """Write the plan, the scorecard and the peers as CSV (see :func:`clusterlib.processed.save_tables`)."""
        tables = {"plan": self.plan, "scorecard": self.scorecard, "peers": self.peers}
        return save_tables("monitoring_benchmarking", self.province, tables, processed_dir)



def a10_names(lang: str) -> dict[str, str]:
    """Names of the A10 sectors (and ``total_gva``) in ``lang``."""
    table = nace.a10()
    names = dict(zip(table["code"], table[f"name_{lang}"], strict=True))
    names["total_gva"] = "Toplam katma değer" if lang == "tr" else "Total value added"
    return names


def cluster_of(province: Province) -> tuple[str | None, str, str, tuple[str, ...]]:
    """The cluster monitored in a province: its pilot cluster, else the first cluster defined there.

    Returns ``(cluster id or None, name_en, name_tr, divisions)``; a province without a defined
    cluster returns ``None`` and empty names (the caller picks its most specialised division).
    """
    table = nace.clusters()
    here = table[[province.name in list(p) for p in table["provinces"]]]
    if here.empty:
        return None, "", "", ()
    here = here.sort_values("pilot", ascending=False, kind="stable")
    row = here.iloc[0]
    return str(row["id"]), str(row["name_en"]), str(row["name_tr"]), (str(row["main_division"]),)


@cached_analysis("monitoring", language_free=False, reads="monitoring_benchmarking")  # sentences in ``lang``
def analyse_monitoring(
    province: str | int | Province,
    *,
    cluster: str | None = None,
    year: int | None = None,
    period: int = 5,
    amber: float = 0.75,
    window: int = 3,
    gold: float = 0.80,
    lang: str = "tr",
    data_dir: str | Path | None = None,
) -> MonitoringBenchmarking:
    """Monitoring and benchmarking of one province's cluster (methodology step 4).

    Parameters
    ----------
    province : str, int or Province
        Any spelling, plate or NUTS-3 code.
    cluster : str, optional
        A cluster id of ``resources/nace/clusters.yaml`` (default: the province's pilot cluster, else
        the first cluster defined in the province, else its most specialised manufacturing division).
    year : int, optional
        Year of the national benchmark (default: the latest year of the employment table).
    period : int, default 5
        Years of employment growth.
    amber : float, default 0.75
        Lowest progress that is amber (:func:`~clusterlib.monitoring.rag.rag_status`).
    window : int, default 3
        Years the projection's trend is fitted on.
    gold : float, default 0.80
        Share of the excellence score the ESCA Gold label needs.
    lang : {"tr", "en"}
    data_dir : str or pathlib.Path, optional
        Input tables (default: the bundled synthetic sample).

    Returns
    -------
    MonitoringBenchmarking
    """
    lang = check_language(lang)
    place = resolve_province(province)
    directory = Path(data_dir) if data_dir else SAMPLE_DIR
    tables = load_tables(directory, tables=["employment", "exports", "monitoring", "benchmarks"])
    employment, exports = tables["employment"], tables["exports"]
    year = int(year) if year else int(employment["year"].max())

    if cluster is not None:
        spec = nace.cluster(cluster)
        cid, name_en, name_tr, divisions = spec.id, spec.name_en, spec.name_tr, (spec.main_division,)
    else:
        cid, name_en, name_tr, divisions = cluster_of(place)
    if not divisions:
        here = employment[(employment["plate"] == place.plate) & (employment["year"] == year)]
        national = employment[employment["year"] == year].groupby("nace")["employment"].sum()
        lq = (here.set_index("nace")["employment"] / here["employment"].sum()) / (national / national.sum())
        big = here.set_index("nace")["employment"] >= 100
        manufacturing = [d for d in lq.index if nace.is_manufacturing(d)]
        candidates = lq[big.reindex(lq.index, fill_value=False) & lq.index.isin(manufacturing)]
        division = str(candidates.idxmax() if len(candidates) else lq.idxmax())
        divisions = (division,)
        name_en, name_tr = nace.name(division, lang="en", short=True), nace.name(division, lang="tr", short=True)
    sector_name = name_tr if lang == "tr" else name_en

    monitoring = tables["monitoring"]
    if cid is not None and cid in set(monitoring["cluster"]):
        plan = monitoring_plan(monitoring, cid, amber=amber)
        summary = indicator_summary(plan, window=window)
        conflicts = direction_conflicts(plan)
    else:
        conflicts = None
        plan = pd.DataFrame(columns=["indicator", "year", "status"])
        summary = pd.DataFrame(columns=["indicator", "status", "latest_year", "final_year", "year_met"])

    sector_table = sector_by_province(employment, exports, divisions, year=year, period=period)
    card = national_scorecard(sector_table, place.plate)

    gdp = official.gdp_per_capita()
    ses = official.ses()
    latest_gdp = gdp[gdp["year"] == gdp["year"].max()]
    economy = latest_gdp[["plate", "gdp_per_capita_try"]].rename(columns={"gdp_per_capita_try": "gdp_per_capita"})
    economy = economy.merge(ses[["plate", "ses_score_mean"]].rename(columns={"ses_score_mean": "ses"}), on="plate")
    economy = economy.astype({"plate": int})
    peers = peer_provinces(place.plate, provinces(), economy, k=PEERS_K)

    growth = gva_growth(official.gva_a10_volume(), place.plate, start=ECONOMY_START, end=ECONOMY_END)
    structure = gva_structure(official.gva_a10_current(), place.plate)
    gdp_rank = province_rank(gdp, "gdp_per_capita_try", place.plate)
    ses_rank = province_rank(ses, "ses_score_mean", place.plate)

    benchmarks = tables["benchmarks"]
    if summary.empty:
        gaps = pd.DataFrame(columns=["indicator", "name_en", "name_tr", "year", "actual", "reference", "country",
                                     "value", "gap"])
    else:
        gaps = international_gaps(summary, benchmarks, sector=name_en.lower())
    try:
        management, score, label = management_scorecard(benchmarks, cid or "", gold=gold)
    except ValueError:
        management, score, label = None, math.nan, "none"
    if management is not None:
        management = management.assign(held_back_by=holding_back(management, summary).to_numpy())

    names = summary.set_index("indicator")[f"name_{lang}"] if not summary.empty else pd.Series(dtype=str)
    summary_by_name = summary.set_index("indicator") if not summary.empty else summary
    latest = int(summary["report_year"].max()) if not summary.empty and summary["report_year"].notna().any() else None
    stars = card["stars"]
    findings = MonitoringFindings(
        plan=plan_finding(summary, year=latest, amber=amber, lang=lang, conflicts=conflicts),
        trajectory=trajectory_finding(summary_by_name, names, window=window, lang=lang),
        national=national_finding(card["scorecard"], sector=sector_name, province=place.name, strong=card["strong"],
                                  stars=int(stars["stars"]), lang=lang),
        peers=peers_finding(peers, sector_table, plate=place.plate, province=place.name, lang=lang),
        economy=economy_finding(growth, structure, gdp_rank, ses_rank, province=place.name, start=ECONOMY_START,
                                end=ECONOMY_END, sector_names=a10_names(lang), lang=lang),
        international=international_finding(gaps, names.to_dict(), lang),
        management=management_finding(management, score, label, gold=gold, lang=lang),
        next_steps=next_steps_finding(summary_by_name, names, management, card["scorecard"], lang),
    )
    result = MonitoringBenchmarking(
        province=place, cluster=cid, sector_name=sector_name, divisions=tuple(divisions), lang=lang, year=year,
        period=period, amber=amber, window=window, gold=gold, plan=plan, summary=summary, sector_table=sector_table,
        scorecard=card["scorecard"], ranks=card["ranks"], strong=card["strong"], stars=stars,
        stars_all=card["stars_all"], peers=peers,
        gva_growth=growth, gva_structure=structure, gdp_per_capita=gdp_rank, ses=ses_rank, gaps=gaps,
        management=management, management_score=score, management_label=label, findings=findings,
        data_dir=directory.resolve(),
    )
    return result
