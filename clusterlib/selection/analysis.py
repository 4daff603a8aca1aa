"""The sector-selection step for one province, end to end: what the notebook shows.

:func:`analyse_sector_selection` reads and validates the data, builds the criteria table, scores
and ranks the candidate sectors, tests the ranking's robustness and writes the findings; the
notebook ``02_sector_selection`` only chooses what to display.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from clusterlib import nace
from clusterlib.config import PROCESSED_DIR, SAMPLE_DIR
from clusterlib.i18n import add_strings, check_language, format_number, format_percent, t
from clusterlib.regions import Province
from clusterlib.regions import province as resolve_province
from clusterlib.selection.criteria import Criteria, load_criteria
from clusterlib.selection.findings import (
    map_finding,
    portfolio_finding,
    shift_share_finding,
    structure_finding,
)
from clusterlib.selection.inputs import lq_by_province, sector_indicators, sector_profile, sector_shift_share
from clusterlib.selection.robustness import compare_methods, rank_agreement, weight_sensitivity
from clusterlib.selection.scoring import SelectionResult, explain, score_sectors

__all__ = ["SectorSelection", "analyse_sector_selection"]

add_strings(
    {
        "selection.col.rank": {"tr": "Sıra", "en": "Rank"},
        "selection.col.sector": {"tr": "Sektör", "en": "Sector"},
        "selection.col.nace": {"tr": "NACE", "en": "NACE"},
        "selection.col.score": {"tr": "Puan", "en": "Score"},
        "selection.col.p_top": {"tr": "İlk {k|loc} yer alma olasılığı", "en": "Probability in top {k}"},
        "selection.col.rank_interval": {"tr": "Sıra aralığı", "en": "Rank range"},
        "selection.col.why": {"tr": "Gerekçe", "en": "Why"},
        "selection.col.employment": {"tr": "İstihdam", "en": "Employment"},
        "selection.col.value": {"tr": "Değer", "en": "Value"},
        "selection.col.indicator": {"tr": "Gösterge", "en": "Indicator"},
        "selection.col.group": {"tr": "Ölçüt grubu", "en": "Criteria group"},
        "selection.col.weight": {"tr": "Ağırlık", "en": "Weight"},
        "selection.col.direction": {"tr": "Yön", "en": "Direction"},
        "selection.direction.benefit": {"tr": "yüksek daha iyi", "en": "higher is better"},
        "selection.direction.cost": {"tr": "düşük daha iyi", "en": "lower is better"},
        "selection.col.method": {"tr": "Yöntem", "en": "Method"},
        "selection.h.title": {
            "tr": "{province}: kümelenme için sektör seçimi ({year})",
            "en": "{province}: sector selection for cluster development ({year})",
        },
        "selection.h.intro": {
            "tr": "Amaç ciroya göre en büyük sektörleri değil, kümelenme yaklaşımıyla çalışabilecek sektörleri "
            "bulmaktır. Aday sektörler dört ölçüt grubunda puanlanır: Ekonomik etki, Talep, Ağ oluşturma ve "
            "işbirliği, Faktör koşulları.",
            "en": "The aim is not to find the largest sectors by turnover but those that can work with a cluster "
            "approach. Candidate sectors are scored on four criteria groups: Economic impact, Demand, "
            "Networking & cooperation, Factor conditions.",
        },
        "selection.h.structure": {"tr": "İlin sektör yapısı", "en": "The province's sector structure"},
        "selection.h.portfolio": {
            "tr": "Sektör portföyü: uzmanlaşma ve büyüme",
            "en": "Sector portfolio: specialisation and growth",
        },
        "selection.h.map": {
            "tr": "Öne çıkan adayların illere göre yerelleşme katsayısı",
            "en": "Location quotient of the leading candidates across provinces",
        },
        "selection.h.shift_share": {
            "tr": "Değişim-pay analizi ({start}–{end})",
            "en": "Shift-share analysis ({start}–{end})",
        },
        "selection.h.criteria": {"tr": "Ölçütler ve grup puanları", "en": "Criteria and group scores"},
        "selection.h.ranking": {"tr": "Sonuç sıralaması", "en": "Final ranking"},
        "selection.h.robustness": {"tr": "Sıralamanın sağlamlığı", "en": "How robust the ranking is"},
        "selection.h.explore": {"tr": "Ağırlıkları deneyin", "en": "Try other weights"},
        "selection.finding.ranking": {
            "tr": "Kümelenme için en uygun aday sektörler: {top}. {why}",
            "en": "The best candidates for a cluster are: {top}. {why}",
        },
        "selection.finding.robustness": {
            "tr": "{n} farklı ağırlık senaryosunun {p|poss_loc} {sector|lower} ilk {k|loc} yer alıyor; "
            "senaryoların en az %80'inde ilk {k|loc} kalan sektör sayısı {stable_count}.",
            "en": "{sector} stays in the top {k} in {p} of {n} weight scenarios; {stable_count} sectors are in "
            "the top {k} in at least 80% of the scenarios.",
        },
        "selection.finding.criteria": {
            "tr": "{n} gösterge dört grupta toplanıyor (grup ağırlıkları: {weights}). {sector} sektörünün "
            "puanına en çok katkıyı {group} grubu yapıyor.",
            "en": "{n} indicators in four groups (group weights: {weights}). The largest part of {sector}'s "
            "score comes from {group}.",
        },
        "selection.finding.agreement": {
            "tr": "Farklı yöntemler (TOPSIS, ağırlıklı toplam; farklı normalleştirmeler) sıralamada büyük ölçüde "
            "uyuşuyor: en düşük Kendall τ {tau}.",
            "en": "Different methods (TOPSIS, weighted sum; several normalisations) largely agree on the ranking: "
            "the lowest Kendall τ is {tau}.",
        },
    }
)


@dataclass
class SectorSelection:
    """Everything the sector-selection report shows for one province and year.

    ``result`` is the TOPSIS scoring that ranks the sectors; ``additive`` the weighted sum with
    min-max normalisation, kept for its additive split by criteria group (the group bars).
    """

    province: Province
    year: int
    period: int
    lang: str
    criteria: Criteria
    profile: pd.DataFrame
    indicators: pd.DataFrame
    result: SelectionResult
    additive: SelectionResult
    robustness: pd.DataFrame
    rankings: pd.DataFrame
    agreement: pd.DataFrame
    lq_map: pd.DataFrame
    shift_share: pd.DataFrame
    top_k: int
    data_dir: Path
    min_employment: float = 100
    findings: dict[str, str] = field(default_factory=dict)

    @property
    def base_year(self) -> int:
        """First year of the growth and shift-share period."""
        return self.year - self.period

    def label(self, code: str) -> str:
        """Short sector name in the report's language."""
        return nace.name(code, lang=self.lang, short=True)

    @property
    def top(self) -> list[str]:
        """NACE codes of the ``top_k`` best-ranked candidates, best first."""
        return list(self.result.scores.index[: self.top_k])

    def summary(self) -> str:
        """One deterministic line: province, year and the shortlist's NACE codes (checked by nbval).

        Examples
        --------
        >>> analyse_sector_selection("Trabzon", n_simulations=20).summary()
        'Trabzon 2024: 30, 10, 26, 28, 03'
        """
        return f"{self.province.name} {self.year}: {', '.join(self.top)}"

    def ranking_table(self, top: int = 10) -> pd.DataFrame:
        """The final ranking as a committee reads it: rank, sector, score, robustness and why."""
        lang, k = self.lang, self.top_k
        scores = self.result.scores.head(top)
        robust = self.robustness.reindex(scores.index)
        table = pd.DataFrame(
            {
                t("selection.col.rank", lang): scores["rank"].astype(int),
                t("selection.col.sector", lang): [self.label(c) for c in scores.index],
                t("selection.col.nace", lang): scores.index,
                t("selection.col.score", lang): [format_number(v, lang, decimals=3) for v in scores["score"]],
                t("selection.col.p_top", lang, k=k): [
                    format_percent(p, lang, decimals=0) for p in robust["p_top_k"]
                ],
                t("selection.col.rank_interval", lang): [
                    f"{int(lo)}–{int(hi)}"
                    for lo, hi in zip(robust["rank_low"], robust["rank_high"], strict=True)
                ],
                t("selection.col.why", lang): [self.explain(c) for c in scores.index],
            }
        )
        return table.reset_index(drop=True)

    def explain(self, code: str) -> str:
        """Which criteria carry a sector, in one sentence."""
        names = {c: self.label(c) for c in self.result.scores.index}
        return explain(self.result, self.criteria, sector=code, lang=self.lang, names=names)

    def criteria_table(self) -> pd.DataFrame:
        """The criteria with their group, direction and global weight, in the report's language."""
        ind = self.criteria.indicators
        lang = self.lang
        return pd.DataFrame(
            {
                t("selection.col.group", lang): [self.criteria.name(g, lang) for g in ind["group"]],
                t("selection.col.indicator", lang): ind[f"name_{lang}"].to_numpy(),
                t("selection.col.direction", lang): [
                    t(f"selection.direction.{d}", lang) for d in ind["direction"]
                ],
                t("selection.col.weight", lang): ind["weight"].round(3).to_numpy(),
            }
        )

    def group_names(self) -> dict[str, str]:
        """Criteria group id → name in the report's language."""
        return {group.id: group.name(self.lang) for group in self.criteria.groups}

    def heading(self, key: str) -> str:
        """A section heading of the report in its language (``"structure"``, ``"ranking"``…)."""
        return t(
            f"selection.h.{key}",
            self.lang,
            province=self.province.name,
            year=self.year,
            start=self.base_year,
            end=self.year,
        )

    def parameters(self) -> dict[str, object]:
        """The settings of this analysis, for the provenance box."""
        return {
            "province": self.province.name,
            "min_employment": self.min_employment,
            "year": self.year,
            "period": self.period,
            "lang": self.lang,
            "criteria": self.criteria.source,
            "top_k": self.top_k,
            "n_simulations": int(self.robustness.attrs["n"]),
        }

    def group_contributions(self, top: int = 12) -> pd.DataFrame:
        """Each sector's score split by criteria group, best ``top`` sectors in the final order.

        The split is that of the weighted sum with min-max normalisation, which is additive (the
        groups add up to the score) and so readable as bars; the order is the TOPSIS ranking.
        """
        groups = [g.id for g in self.criteria.groups]
        frame = self.additive.scores.reindex(self.result.scores.index[:top])[groups].copy()
        frame.index = [self.label(c) for c in frame.index]
        return frame

    def robustness_frame(self, top: int = 10) -> pd.DataFrame:
        """Robustness columns for :func:`clusterlib.charts.ranking_robustness_chart`, sectors labelled."""
        frame = self.robustness.head(top).rename(columns={"p_top_k": "p_top"})
        frame.index = [self.label(c) for c in frame.index]
        return frame

    def portfolio(self) -> pd.DataFrame:
        """The province's sectors for the portfolio bubble chart (sizeable ones, ≥ 0.2 % of employment)."""
        return self.profile[self.profile["share"] >= 0.002]

    def national_growth(self) -> float:
        """National employment CAGR over the period (the portfolio chart's horizontal line)."""
        profile = self.profile
        weights = profile["national_share"]
        growth = profile["national_growth"].fillna(0)
        return float((weights * growth).sum() / weights.sum())

    def save(self, processed_dir: str | Path | None = None) -> list[Path]:
        """Write the derived tables to ``data/processed/sector_selection/`` (atomically) and return the paths."""
        from clusterlib.report._files import atomic_write_text

        folder = Path(processed_dir or PROCESSED_DIR) / "sector_selection"
        stem = f"{self.province.plate:02d}_{self.province.slug}_{self.year}"
        tables = {
            "indicators": self.indicators,
            "scores": self.result.scores.join(self.robustness.drop(columns=["rank"]), how="left"),
            "profile": self.profile.set_index("nace"),
            "shift_share": self.shift_share.set_index("nace"),
        }
        paths = []
        for name, frame in tables.items():
            path = folder / f"{stem}_{name}.csv"
            atomic_write_text(path, frame.to_csv(lineterminator="\n"))
            paths.append(path)
        return paths


def analyse_sector_selection(
    province: str | int | Province,
    *,
    year: int | None = None,
    period: int = 5,
    lang: str = "tr",
    data_dir: str | Path | None = None,
    criteria_file: str | Path | None = None,
    top_k: int = 5,
    min_employment: float = 100,
    n_simulations: int = 2000,
    seed: int = 0,
    tables: dict[str, pd.DataFrame] | None = None,
) -> SectorSelection:
    """Run the sector-selection analysis of one province.

    Parameters
    ----------
    province : str, int or Province
        Any spelling or code.
    year : int, optional
        Year of the assessment; default the latest year of the employment table.
    period : int, default 5
        Growth and shift-share run from ``year - period`` to ``year``.
    lang : {"tr", "en"}
    data_dir : path, optional
        Directory of the input tables; default the bundled sample.
    criteria_file : path, optional
        Criteria YAML; default ``resources/criteria_default.yaml``.
    top_k : int, default 5
        Size of the shortlist, used by the robustness analysis.
    min_employment : float, default 100
        Candidates need at least this many employees in the province (small sectors have noisy
        growth rates).
    n_simulations : int, default 2000
        Monte Carlo weight draws.
    seed : int, default 0
        Seed of the weight draws (reports are reproducible).
    tables : dict, optional
        Already loaded tables (skips reading ``data_dir``).

    Returns
    -------
    SectorSelection
    """
    from clusterlib.data import load_tables

    lang = check_language(lang)
    place = resolve_province(province)
    tables = (
        tables
        if tables is not None
        else load_tables(data_dir or None, tables=["employment", "exports", "stakeholders", "initiatives"])
    )
    year = int(year if year is not None else tables["employment"]["year"].max())
    criteria = load_criteria(criteria_file or None)

    profile = sector_profile(tables, place, year, period=period, lang=lang)
    indicators = sector_indicators(tables, place, year, period=period, min_employment=min_employment)
    top_k = min(top_k, len(indicators))
    result = score_sectors(indicators, criteria, method="topsis")
    additive = score_sectors(indicators, criteria, method="weighted_sum")
    robustness = weight_sensitivity(indicators, criteria, n=n_simulations, top_k=top_k, seed=seed)
    rankings = compare_methods(indicators, criteria)
    agreement = rank_agreement(rankings)
    top = list(result.scores.index[:top_k])
    lq_values = lq_by_province(tables, year, top[:3], lang=lang)
    shift = sector_shift_share(tables, place, year - period, year, lang=lang)

    selection = SectorSelection(
        province=place,
        year=year,
        period=period,
        lang=lang,
        criteria=criteria,
        profile=profile,
        indicators=indicators,
        result=result,
        additive=additive,
        robustness=robustness,
        rankings=rankings,
        agreement=agreement,
        lq_map=lq_values,
        shift_share=shift,
        top_k=top_k,
        data_dir=Path(data_dir or SAMPLE_DIR),
        min_employment=min_employment,
    )
    selection.findings = _findings(selection)
    return selection


def _findings(s: SectorSelection) -> dict[str, str]:
    lang = s.lang
    first = s.top[0]
    names = ", ".join(s.label(c) for c in s.top[:3])
    groups = s.group_contributions(top=s.top_k).iloc[0].astype(float)
    robust = s.robustness
    stable = int((robust["p_top_k"] >= 0.8).sum())
    tau = float(s.agreement["kendall_tau"].min()) if "kendall_tau" in s.agreement else float("nan")
    return {
        "structure": structure_finding(s.profile, s.province, s.year, lang=lang),
        "portfolio": portfolio_finding(s.profile, lang=lang),
        "map": map_finding(s.lq_map, s.province, lang=lang),
        "shift_share": shift_share_finding(s.shift_share, s.base_year, s.year, lang=lang),
        "criteria": t(
            "selection.finding.criteria",
            lang,
            n=len(s.criteria.ids),
            weights=", ".join(
                f"{g.name(lang)} {format_percent(g.weight, lang, decimals=0)}" for g in s.criteria.groups
            ),
            sector=s.label(first),
            group=s.criteria.name(str(groups.idxmax()), lang),
        ),
        "ranking": t("selection.finding.ranking", lang, top=names, why=s.explain(first)),
        "robustness": t(
            "selection.finding.robustness",
            lang,
            sector=s.label(first),
            n=format_number(robust.attrs["n"], lang),
            p=format_percent(robust.loc[first, "p_top_k"], lang, decimals=0),
            k=s.top_k,
            stable_count=stable,
        ),
        "agreement": t("selection.finding.agreement", lang, tau=format_number(tau, lang, decimals=2)),
    }
