"""The workbench's own UI strings (report page, provenance box, index page, command line)."""

from __future__ import annotations

from clusterlib.i18n.catalogue import add_strings, has_string, t

__all__ = ["parameter_label"]

add_strings(
    {
        "language.tr": {"tr": "Türkçe", "en": "Turkish"},
        "language.en": {"tr": "İngilizce", "en": "English"},
        # steps (``notebooks/NN_<step>.ipynb``)
        "step.needs_assessment": {"tr": "İhtiyaç analizi", "en": "Needs assessment"},
        "step.sector_selection": {"tr": "Sektör seçimi", "en": "Sector selection"},
        "step.value_chain_mapping": {"tr": "Değer zinciri haritalaması", "en": "Value-chain mapping"},
        "step.monitoring": {"tr": "İzleme ve kıyaslama", "en": "Monitoring and benchmarking"},
        # report page
        "report.key_findings": {"tr": "Temel bulgular", "en": "Key findings"},
        "report.province": {"tr": "İl", "en": "Province"},
        "report.generated": {"tr": "Oluşturulma tarihi", "en": "Generated"},
        "report.data_source": {"tr": "Veri kaynağı", "en": "Data source"},
        "report.data_version": {"tr": "Veri sürümü", "en": "Data version"},
        "report.footer": {
            "tr": "Bu rapor clusterlib {version} ile otomatik olarak üretilmiştir.",
            "en": "This report was produced automatically with clusterlib {version}.",
        },
        "report.figure_fallback": {
            "tr": "Grafik görüntülenemedi: rapor klasöründeki assets/plotly.min.js dosyası bulunamadı.",
            "en": "The chart could not be drawn: assets/plotly.min.js was not found in the report folder.",
        },
        "data.sample": {
            "tr": "Yazılımla gelen SENTETİK örnek veri (TÜİK bölümleri hariç); resmî istatistik değildir",
            "en": "SYNTHETIC sample data shipped with the software (except the TÜİK sections); not official statistics",
        },
        "data.user": {"tr": "Kullanıcı verisi", "en": "User data"},
        # provenance box
        "provenance.title": {
            "tr": "Teknik bilgiler (yeniden üretilebilirlik)",
            "en": "Technical details (reproducibility)",
        },
        "provenance.parameters": {"tr": "Parametreler", "en": "Parameters"},
        "provenance.inputs": {"tr": "Girdi dosyaları", "en": "Input files"},
        "provenance.packages": {"tr": "Yazılım sürümleri", "en": "Software versions"},
        "provenance.name": {"tr": "Ad", "en": "Name"},
        "provenance.value": {"tr": "Değer", "en": "Value"},
        "provenance.file": {"tr": "Dosya", "en": "File"},
        "provenance.size": {"tr": "Boyut (bayt)", "en": "Size (bytes)"},
        "provenance.sha256": {"tr": "SHA-256 (kısa)", "en": "SHA-256 (short)"},
        "provenance.package": {"tr": "Paket", "en": "Package"},
        "provenance.version": {"tr": "Sürüm", "en": "Version"},
        # notebook parameters, named in the provenance box (the code name follows in brackets)
        "param.province": {"tr": "İl", "en": "Province"},
        "param.year": {"tr": "Yıl", "en": "Year"},
        "param.period": {"tr": "Dönem (yıl)", "en": "Period (years)"},
        "param.criteria_file": {"tr": "Ölçüt dosyası", "en": "Criteria file"},
        "param.criteria": {"tr": "Ölçütler", "en": "Criteria"},
        "param.lang": {"tr": "Dil", "en": "Language"},
        "param.data_dir": {"tr": "Veri klasörü", "en": "Data folder"},
        "param.processed_dir": {"tr": "İşlenmiş veri klasörü", "en": "Processed-data folder"},
        "param.top_k": {"tr": "Kısa liste büyüklüğü", "en": "Shortlist size"},
        "param.min_employment": {
            "tr": "Aday sektörde en az çalışan sayısı",
            "en": "Minimum employees of a candidate sector",
        },
        "param.n_simulations": {"tr": "Ağırlık senaryosu sayısı", "en": "Number of weight scenarios"},
        "param.sections": {"tr": "Aday NACE bölümleri", "en": "Candidate NACE sections"},
        "param.missing": {"tr": "Eksik değerlerin doldurulması", "en": "Missing values"},
        "param.seed": {"tr": "Rastgele sayı tohumu", "en": "Random seed"},
        "param.step": {"tr": "Adım", "en": "Step"},
        "param.label": {"tr": "{label} ({name})", "en": "{label} ({name})"},
        # index page
        "index.title": {"tr": "Kümelenme analizi raporları", "en": "Cluster analysis reports"},
        "index.run_date": {"tr": "Son çalıştırma", "en": "Last run"},
        "index.language": {"tr": "Dil", "en": "Language"},
        "index.other_languages": {"tr": "Diğer diller", "en": "Other languages"},
        "index.summary": {
            "tr": "Son çalıştırma: {total} rapor, {ok} başarılı, {failed} başarısız",
            "en": "Last run: {total} reports, {ok} succeeded, {failed} failed",
        },
        "index.previous_report": {"tr": "önceki rapor ({date})", "en": "previous report ({date})"},
        "index.cell": {"tr": "Hücre {cell}", "en": "Cell {cell}"},
        "index.seconds": {"tr": "{seconds} sn", "en": "{seconds} s"},
        "index.legend": {
            "tr": "Başarısız olan bir adım önceki raporun yerini almaz; varsa son başarılı rapora bağlantı verilir.",
            "en": "A failed step never replaces a report: the previous good report, if any, is linked.",
        },
        # command-line summary
        "cli.step": {"tr": "Adım", "en": "Step"},
        "cli.status": {"tr": "Durum", "en": "Status"},
        "cli.seconds": {"tr": "Süre (sn)", "en": "Seconds"},
        "cli.output": {"tr": "Çıktı", "en": "Output"},
        "cli.index": {"tr": "Dizin sayfası", "en": "Index page"},
        "status.ok": {"tr": "Başarılı", "en": "OK"},
        "status.failed": {"tr": "Başarısız", "en": "Failed"},
        "status.not_run": {"tr": "Çalıştırılmadı", "en": "Not run"},
    }
)


def parameter_label(name: str, lang: str) -> str:
    """A notebook parameter as a reader sees it: its name in ``lang`` and the code name in brackets.

    Parameters without a catalogue entry (``param.<name>``) are shown by their code name.

    Examples
    --------
    >>> parameter_label("top_k", "tr"), parameter_label("new_thing", "tr")
    ('Kısa liste büyüklüğü (top_k)', 'new_thing')
    """
    key = f"param.{name}"
    if not has_string(key):
        return name
    return t("param.label", lang, label=t(key, lang), name=name)
