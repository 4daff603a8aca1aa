"""Real institutions and initiatives, without random elements: ``stakeholders`` (names from
``pilot_institutions.csv`` with synthetic roles) and ``initiatives`` (facts of ``initiatives_seed.csv``)."""

from __future__ import annotations

import pandas as pd

from clusterlib import config, nace, regions
from clusterlib.configfile import read_yaml
from clusterlib.data.sample.inputs import _read_cal

# ------------------------------------------------------------------------------------------- stakeholders

#: Synthetic roles by institution type: (role_en, role_tr, responsibilities_en, responsibilities_tr).
_ROLES = {
    "host": (
        "Host of the Cluster Info Spot",
        "Kümelenme Bilgi Merkezi ev sahibi",
        "Provides the info spot's office and staff; convenes the cluster firms; "
        "links them to member services",
        "Bilgi merkezinin ofis ve personelini sağlar; küme firmalarını bir araya getirir; "
        "üye hizmetlerine bağlar",
    ),
    "chamber": (
        "Business representation",
        "İş dünyası temsili",
        "Represents member firms; trade registry and certificates; sector committees and training",
        "Üye firmaları temsil eder; ticaret sicili ve belgeler; meslek komiteleri ve eğitimler",
    ),
    "development_agency": (
        "Regional funding and planning",
        "Bölgesel finansman ve planlama",
        "Calls for proposals and technical support; feasibility studies; regional plan priorities",
        "Proje teklif çağrıları ve teknik destek; fizibilite çalışmaları; bölge planı öncelikleri",
    ),
    "university": (
        "Research and skills partner",
        "Araştırma ve beceri ortağı",
        "Joint R&D projects; testing laboratories; graduates and internships; technology transfer",
        "Ortak Ar-Ge projeleri; test laboratuvarları; mezunlar ve stajlar; teknoloji transferi",
    ),
    "oiz": (
        "Industrial infrastructure",
        "Sanayi altyapısı",
        "Industrial plots, energy and shared facilities; common-use workshops; on-site training",
        "Sanayi parselleri, enerji ve ortak tesisler; ortak kullanım atölyeleri; yerinde eğitim",
    ),
    "kosgeb": (
        "SME support",
        "KOBİ desteği",
        "Grants and loans for SMEs; cooperation and collaboration support; entrepreneurship training",
        "KOBİ'lere hibe ve krediler; işbirliği-güçbirliği desteği; girişimcilik eğitimleri",
    ),
    "public": (
        "Public coordination",
        "Kamu koordinasyonu",
        "Provincial coordination of industry policy; industrial registry; investment incentives",
        "Sanayi politikasının il düzeyinde koordinasyonu; sanayi sicili; yatırım teşvikleri",
    ),
    "municipality": (
        "Local services",
        "Yerel hizmetler",
        "Urban infrastructure and transport; vocational courses; city promotion at fairs",
        "Kentsel altyapı ve ulaşım; meslek edindirme kursları; fuarlarda kent tanıtımı",
    ),
    "exporters_association": (
        "Export promotion",
        "İhracatı geliştirme",
        "Trade fairs and buyer missions; market intelligence; export-cluster (UR-GE) projects",
        "Fuarlar ve alım heyetleri; pazar bilgisi; ihracat kümesi (UR-GE) projeleri",
    ),
    "cluster_association": (
        "Cluster organisation",
        "Küme organizasyonu",
        "Cluster management; joint procurement and marketing; member services",
        "Küme yönetimi; ortak satın alma ve pazarlama; üye hizmetleri",
    ),
    "ngo": (
        "Business association",
        "İş insanları derneği",
        "Networking events; business delegations; advocacy for members",
        "Ağ kurma etkinlikleri; iş heyetleri; üyeler adına savunuculuk",
    ),
}


#: Functions each kind of institution covers: the usual mandates of ``resources/needs/actor_functions.yaml``
#: (the defaults the needs step assumes), plus the host institution and municipalities (synthetic).
_FUNCTIONS = {
    "host": ("training", "networking", "policy"),
    "municipality": ("training", "infrastructure"),
    **{kind: tuple(f) for kind, f in read_yaml(config.RESOURCES_DIR / "needs" / "actor_functions.yaml").items()},
}
#: (influence, interest) on the cluster, 1–5, as a committee might score them (synthetic). Institutions
#: that support no pilot cluster are left unscored, so the report shows the documented default at work.
_SCORES = {
    "host": (4, 5),
    "chamber": (4, 3),
    "development_agency": (4, 4),
    "university": (3, 4),
    "oiz": (3, 3),
    "kosgeb": (4, 4),
    "public": (5, 2),
    "municipality": (4, 2),
    "exporters_association": (3, 5),
    "cluster_association": (2, 5),
    "ngo": (2, 3),
}


def _stakeholders(seed: int) -> pd.DataFrame:
    del seed  # no random element: names are real, roles follow the institution type
    table = _read_cal("pilot_institutions.csv", dtype={"clusters": str}, keep_default_na=False)
    rows = []
    for row in table.itertuples(index=False):
        key = "host" if str(row.host).lower() == "true" else row.type
        if row.type == "public" and "Belediye" in row.name:
            key = "municipality"
        role_en, role_tr, resp_en, resp_tr = _ROLES[key]
        kind = row.type if key == "host" and row.type == "exporters_association" else key
        functions = _FUNCTIONS[kind] if key != "host" else tuple(
            f for f in ("training", "finance", "export_promotion", "rnd", "infrastructure", "networking", "policy")
            if f in set(_FUNCTIONS["host"]) | set(_FUNCTIONS[row.type])
        )
        influence, interest = _SCORES[key] if row.clusters else (None, None)
        rows.append(
            {
                "plate": int(row.plate),
                "province": regions.province(int(row.plate)).name,
                "name": row.name,
                "type": row.type,
                "role_en": role_en,
                "role_tr": role_tr,
                "responsibilities_en": resp_en,
                "responsibilities_tr": resp_tr,
                "district": row.district,
                "lat": float(row.lat),
                "lon": float(row.lon),
                "clusters": row.clusters,
                "functions": ";".join(functions),
                "influence": influence,
                "interest": interest,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("influence", "interest"):
        frame[column] = frame[column].astype("Int64")
    return frame.sort_values(["plate", "name"], ignore_index=True)


# ------------------------------------------------------------------------------------------------ initiatives


def _initiatives(seed: int) -> pd.DataFrame:
    del seed  # real facts, no random element
    table = _read_cal("initiatives_seed.csv", dtype=str, keep_default_na=False)
    rows = []
    for row in table.itertuples(index=False):
        plate = int(row.plate) if row.plate else None
        divisions = ";".join(nace.cluster(row.cluster).divisions) if row.cluster else ""
        rows.append(
            {
                "id": row.id,
                "name_en": row.name_en,
                "name_tr": row.name_tr,
                "plate": plate,
                "province": regions.province(plate).name if plate else "",
                "sector": row.sector,
                "nace_divisions": divisions,
                "year": int(row.year) if row.year else None,
                "lead_organisation": row.lead_organisation,
                "members": int(row.members) if row.members else None,
                "notes": row.notes,
                "sector_tr": row.sector_tr,
                "lead_organisation_tr": row.lead_organisation_tr,
                "notes_tr": row.notes_tr,
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("plate", "year", "members"):
        frame[column] = frame[column].astype("Int64")
    return frame.sort_values("id", ignore_index=True)
