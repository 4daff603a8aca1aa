"""The survey reader's messages in Turkish and English (keys ``needs.survey.*``).

:func:`clusterlib.data.msg` writes them in the language of the run (:func:`clusterlib.data.messages_in`).
"""

from __future__ import annotations

from clusterlib.i18n import add_strings

__all__: list[str] = []

add_strings(
    {
        "needs.survey.bad_questionnaire": {
            "tr": "bir anket tanımı olarak okunamıyor ({reason}); 'scale' (tr ve en metinli 1…k kodları), 'blocks' "
            "(tr, en) ve 'items' (block, tr, en) bölümleri bekleniyor",
            "en": "cannot be read as a questionnaire ({reason}); expected 'scale' (codes 1…k with tr and en "
            "texts), 'blocks' (tr, en) and 'items' (block, tr, en)",
        },
        "needs.survey.not_answer": {
            "tr": "{value} ölçeğin bir yanıtı değil{hint}",
            "en": "{value} is not an answer of the scale{hint}",
        },
        "needs.survey.answer_hint": {
            "tr": "; ölçeğin yanıtlarından biri mi demek istediniz (ör. {close})?",
            "en": "; did you mean one of the scale's answers (e.g. {close})?",
        },
        "needs.survey.outside": {
            "tr": "{value} ölçeğin ({low}–{high}) dışında",
            "en": "{value} is outside the scale {low}–{high}",
        },
        "needs.survey.not_long": {
            "tr": "{extra} sütunları uzun biçimin parçası değil (firm_id, item, answer, year, cluster)",
            "en": "columns {extra} are not part of the long form (firm_id, item, answer, year, cluster)",
        },
        "needs.survey.no_firm_column": {
            "tr": "firma kodu sütunu yok ({looked} arandı); eşleme dosyasında 'firm:' ile belirtin",
            "en": "has no firm-id column (looked for {looked}); name it with 'firm:' in the mapping file",
        },
        "needs.survey.untied": {
            "tr": "anketin hiçbir maddesine bağlı değil; eşleme dosyasının 'items' bölümüne (başlık: madde kodu) "
            "ya da 'skip' listesine ekleyin",
            "en": "is not tied to an item of the questionnaire; add it to the mapping file's 'items' (heading: item "
            "id) or 'skip'",
        },
        "needs.survey.no_wave_at_all": {
            "tr": "anket dalgası hakkında bilgi yok (yıl sütunu da zaman damgası da yok); eşleme dosyasında 'wave:' "
            "ile verin",
            "en": "says nothing about the survey wave (no year column, no timestamp); give 'wave:' in the mapping "
            "file",
        },
        "needs.survey.no_items": {
            "tr": "anketin bir maddesine bağlı hiçbir sütunu yok",
            "en": "has no column tied to an item of the questionnaire",
        },
        "needs.survey.no_item": {"tr": "madde kodu yok", "en": "has no item id"},
        "needs.survey.no_block": {
            "tr": "{item} maddesi anketin hiçbir alanına (blok) ait değil",
            "en": "item {item} belongs to no block of the questionnaire",
        },
        "needs.survey.no_firm": {"tr": "firma kodu yok", "en": "has no firm id"},
        "needs.survey.conflict": {
            "tr": "{firm} firması {item} maddesini {wave} dalgasında iki kez, farklı yanıtlarla yanıtladı ({rows}. "
            "satırlar)",
            "en": "firm {firm} answered {item} twice in {wave} with different answers (rows {rows})",
        },
    }
)
