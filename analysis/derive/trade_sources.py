"""The register of trade sources: who published each figure, where, when it was read, on what terms.

Transcribed from ``shared/sources/trade/SOURCES.md`` and ``raw/ORIGIN.md``. ``retrieved`` is the best
truthful date available; ``retrieved_note`` says what that date means for each kind of source.
"""

from __future__ import annotations

# SOURCES.md records no retrieval date for the news pages. The date below is the date the compiled
# register (SOURCES.md and the staged CSVs) was received for this build: the pages were read on or
# before it.
REGISTER_DATE = "2026-11-25"
NEWS_NOTE = (
    "SOURCES.md records no retrieval date for this page; the date is when the compiled source "
    "register was received for this build (the page was read on or before it)"
)
GOV_LICENCE = (
    "not stated by the publisher; Government of India trade statistics (DGCI&S / Department of "
    "Commerce); extracted by a third-party GitHub repository that states no licence"
)
REPO_MOSPI = "https://github.com/herrrickshaw/mospi-dataset-analysis-public"
REPO_TRACKER = "https://github.com/herrrickshaw/india-trade-tracker"


def _news(publisher: str, title: str, url: str, date: str | None = None) -> dict:
    rec = {
        "publisher": publisher,
        "title": title,
        "url": url,
        "retrieved": REGISTER_DATE,
        "retrieved_note": NEWS_NOTE,
        "licence": f"© {publisher}; figures quoted for reference",
    }
    if date:
        rec["published"] = date
    return rec


SOURCES: dict[str, dict] = {
    "TRADESTAT_HS2_RU": {
        "publisher": "Department of Commerce, DGCI&S (TRADESTAT / Export Import Data Bank)",
        "title": "Country-wise all-commodities export and import, HS 2-digit, FY2024-25 and "
                 "FY2025-26 (China, Russia, UAE, USA)",
        "url": "https://tradestat.commerce.gov.in/eidb/",
        "document": f"{REPO_MOSPI} data/country_commodity_breakdown_2026-07-18.json "
                    "(file commit 2509a2e6020264ab8bac443307e20e076bf58b35, snapshot "
                    "3eb6151cf7802a80560e3b617bd9b64a4b0f5d1f)",
        "retrieved": "2026-07-18",
        "retrieved_note": "date the repository's author retrieved the report from TRADESTAT, as "
                          "stated in the file; third-party extraction, not the official site",
        "licence": GOV_LICENCE,
    },
    "TIA_FY2026": {
        "publisher": "Department of Commerce, Trade Intelligence & Analytics portal",
        "title": "Country-wise exports and imports FY2025-26 (38 partners)",
        "url": "https://tradeintelligence.commerce.gov.in/",
        "document": f"{REPO_MOSPI} data/country_trade_deficit_and_policy_history_2026-07-18.json "
                    "(file commit 466cbfe1d0ea4712e7878177c5027db90cec8fa4)",
        "retrieved": "2026-07-18",
        "retrieved_note": "date the repository's author retrieved the figures, as stated in the "
                          "file name; third-party extraction",
        "licence": GOV_LICENCE,
    },
    "TRADESTAT_WORLD_HS2": {
        "publisher": "Department of Commerce, DGCI&S (TRADESTAT / Export Import Data Bank)",
        "title": "Commodity-wise export and import, India total and HS 2-digit chapters, "
                 "FY2018-19 to FY2025-26",
        "url": "https://tradestat.commerce.gov.in/eidb/",
        "document": f"{REPO_MOSPI} data/tradestat_hsn_export_import_2018-19_to_2025-26.json "
                    "(file commit 810da79b480600db50b5bc8e0a985207c0d41e67)",
        "retrieved": "2026-07-18",
        "retrieved_note": "date the repository's author retrieved the reports, as stated in the "
                          "file; FY2025-26 provisional (source data last updated 19 May 2026)",
        "licence": GOV_LICENCE,
    },
    "EIDB_CHAPTER_SNAPSHOT": {
        "publisher": "Department of Commerce, DGCI&S (Export Import Data Bank)",
        "title": "EIDB chapter-wise report snapshot, India's total",
        "url": "https://tradestat.commerce.gov.in/eidb/",
        "document": f"{REPO_TRACKER} data/eidb_chapter_trade_snapshot.csv (file commit "
                    "7d6a061d52ddb1445150b2821f8fad00cf5057b7, snapshot "
                    "db19677fbf591e292357344a01369bc39cf12652)",
        "retrieved": "2026-07-21",
        "retrieved_note": "date the repository's author pulled the snapshot, as stated in it",
        "licence": GOV_LICENCE,
    },
    "KAGGLE_DERIV_2010_2021": {
        "publisher": "Department of Commerce data in the Kaggle 'India trade data' layout "
                     "(GitHub repository nkhoinguyenwork-collab/India-Trade-2010-2021-)",
        "title": "India Import.csv and India Export.csv (top rows by value only; truncated)",
        "url": "https://github.com/nkhoinguyenwork-collab/India-Trade-2010-2021-",
        "document": "India Import.csv (commit d53f515c0ff605562c586940e383daaab106dea4), "
                    "India Export.csv (commit f2a510bddf0cee976a984a0e4c979adc4f2d074f), read "
                    "through a code index",
        "retrieved": REGISTER_DATE,
        "retrieved_note": "SOURCES.md records no retrieval date; the date is when the compiled "
                          "source register was received for this build. Low confidence: the "
                          "year-to-FY mapping is assumed",
        "licence": "not stated in the repository; Government of India trade statistics",
    },
    "IE_OCT2022": _news(
        "The Indian Express",
        "India-Russia trade surges to all-time high of $18,229.03 million in 5 months "
        "(Oct 2022; read in republished copies)",
        "https://hamslivenews.com/2022/10/21/india-russia-trade-surges-to-all-time-high-of-18229-03-million-in-5-months",
        "2022-10"),
    "NATIONAL_OCT2022": _news(
        "The National", "India-Russia trade soars to all-time high",
        "https://www.thenationalnews.com/world/asia/2022/10/21/india-russia-trade-soars-to-all-time-high/",
        "2022-10-21"),
    "FE_FICCI_2008": _news(
        "The Financial Express", "Indo-Russia trade and cultural ties must speed up (citing FICCI)",
        "https://www.financialexpress.com/archive/indo-russia-trade-and-cultural-ties-must-speed-up/350828",
        "2008"),
    "FORTUNE_MAR2023": {
        **_news("Fortune India", "March 2023 issue (as reproduced on Magzter)",
                "https://www.magzter.com/", "2023-03"),
        "url": None,
        "document": "Fortune India, March 2023 issue, text as reproduced on Magzter "
                    "(page address not captured)",
    },
    "BS_FEB2023": _news(
        "Business Standard", "Cheaper crude from Russia pushes India's imports bill, exports trail",
        "https://business-standard.com/article/economy-policy/cheaper-crude-from-russia-pushes-india-s-imports-bill-exports-trail-123022300938_1.html",
        "2023-02-23"),
    "BS_APR2023": _news(
        "Business Standard", "India's trade deficit with Russia rose nearly seven-fold last year",
        "https://www.business-standard.com/economy/news/india-s-trade-deficit-with-russia-rose-nearly-seven-fold-last-year-123041800865_1.html",
        "2023-04-18"),
    "RIA_APRJAN2023": _news(
        "RIA Novosti (republished by Pledge Times)",
        "Russia for the first time entered the top five largest trading partners of India",
        "https://pledgetimes.com/russia-for-the-first-time-entered-the-top-five-largest-trading-partners-of-india/",
        "2023"),
    "JAISHANKAR_APR2023": _news(
        "Greater Kashmir", "India-Russia crossed bilateral trade target of USD 30 billion before "
        "2025: Jaishankar",
        "https://www.greaterkashmir.com/national-2/india-russia-crossed-bilateral-trade-target-of-usd-30-billion-before-2025-jaishankar",
        "2023-04-17"),
    "SPIEF_APR2023": _news(
        "India TV News", "India-Russia trade reaches a new high of $39.8 billion in 2022-23",
        "https://www.indiatvnews.com/business/news/india-russia-trade-reaches-a-new-high-of-39-8-billion-in-2022-23-spief-aleksey-valkov-st-petersburg-international-economic-forum-event-delhi-2023-04-03-859971",
        "2023-04-03"),
    "FIRSTPOST_APR2023": _news(
        "Firstpost", "At over $40 billion, Russia's exports to India touch record high",
        "https://www.firstpost.com/india/at-over-40-billion-russias-exports-to-india-touch-record-high-moscow-5th-largest-trading-partner-12521592.html",
        "2023-04-28"),
    "QUINT_APR2023": _news(
        "The Quint", "Ukraine war has furthered chances for India to leverage its ties with Russia "
        "(opinion)",
        "https://www.thequint.com/opinion/ukraine-war-has-furthered-chances-for-india-to-leverage-its-ties-with-russia",
        "2023-04"),
    "PTI_AUG2023": _news(
        "Press Trust of India (The Financial Express)",
        "India's imports from Russia doubled to USD 20.45 billion in April-July period",
        "https://www.financialexpress.com/policy/economy-indias-imports-from-russia-doubled-to-usd-20-45-billion-in-april-july-period-3211330/",
        "2023-08-15"),
    "PTI_OCT2023": _news(
        "Press Trust of India (Business Standard)",
        "Imports from Russia up 67% in Apr-Sep on higher shipments of oil: govt data",
        "https://www.business-standard.com/economy/news/imports-from-russia-up-67-in-apr-sep-on-higher-shipments-of-oil-govt-data-123101301366_1.html",
        "2023-10-13"),
    "MINT_VIA_RT_MAY2024": _news(
        "Mint, as reported by RT",
        "India imports Russian crude, trade deficit (Mint, 20 May 2024, citing Commerce Ministry data)",
        "https://www.rt.com/india/597996-india-imports-russian-crude-trade-deficit",
        "2024-05-21"),
    "GTRI_MAY2024": _news(
        "Global Trade Research Initiative, via PTI (Business Standard)",
        "China beats US to emerge as largest trading partner of India in FY24: GTRI",
        "https://www.business-standard.com/economy/news/china-beats-us-to-emerge-as-largest-trading-partner-of-india-in-fy24-gtri-124051200126_1.html",
        "2024-05-12"),
    "GTRI_RUSSIA_2024": _news(
        "Global Trade Research Initiative (as reported by groyourwealth.com)",
        "$100 bln Indo-Russia bilateral trade achievable by 2030; trade gap no worry: GTRI",
        "https://groyourwealth.com/economy/100-bln-indo-russia-bilateral-trade-achievable-by-2030-trade-gap-no-worry-gtri",
        "2024"),
    "ET_VIA_JANASHAKTI_2024": _news(
        "The Economic Times (as republished by Janashakti)", "China reclaims top trading partner tag",
        "https://janashakti.news/blog/china-reclaims-top-trading-partner-tag", "2024"),
    "OUTLOOK_DEC2025": _news(
        "Outlook Business",
        "Vladimir Putin's New Delhi visit amid US pressure: what's at stake for India-Russia ties",
        "https://www.outlookbusiness.com/economy-and-policy/vladimir-putins-new-delhi-visit-amid-us-pressure-whats-at-stake-for-indiarussia-ties",
        "2025-12-03"),
    "JAISHANKAR_AUG2025": _news(
        "Devdiscourse", "India-Russia forge stronger trade ties amid geopolitical challenges "
        "(External Affairs Minister at the 26th IRIGC-TEC)",
        "https://www.devdiscourse.com/article/international/3548361-india-russia-forge-stronger-trade-ties-amid-geopolitical-challenges",
        "2025-08-20"),
    "PTI_MAY2022": _news(
        "Press Trust of India (The Tribune)", "US trumps China as India's top trading partner",
        "https://www.tribuneindia.com/news/nation/us-trumps-china-as-indias-top-trading-partner-399394",
        "2022-05"),
    "PTI_APR2023": _news(
        "Press Trust of India (Business Today)",
        "US emerges as India's biggest trading partner in FY23 at $128.55 billion",
        "https://www.businesstoday.in/latest/in-focus/story/us-emerges-as-indias-biggest-trading-partner-in-fy23-at-12855-billion-377549-2023-04-16",
        "2023-04-16"),
    "ANI_NOV2022": _news(
        "ANI (Moneycontrol)", "India-UAE bilateral trade expected to exceed $88 billion this year",
        "https://www.moneycontrol.com/news/business/trade/india-uae-bilateral-trade-expected-to-exceed-88-billion-this-year-9581991.html/amp",
        "2022-11"),
    "PTI_APR2025": _news(
        "Press Trust of India (NDTV)", "US top trading partner of India for 4th straight year in 2024-25",
        "https://www.ndtv.com/india-news/us-top-trading-partner-of-india-for-4th-straight-year-in-2024-25-8184972",
        "2025-04-17"),
    "ALIPOV_JAN2024": _news(
        "Islamabad Herald",
        "Back-to-back: India-Russia trade doubled to nearly $50 billion in Jan-Sept: Russian ambassador",
        "https://islamabadheralder.com/2024/01/10/back-back-india-russia-trade-doubled-to-nearly-50-billion-in-jan-sept-russian-ambassador",
        "2024-01-10"),
    "EMBASSY_MOSCOW_2013": _news(
        "pharmaleaders.tv (Indian Ambassador Ajai Malhotra)",
        "India-Russia bilateral trade crossed $11 billion in 2012",
        "https://pharmaleaders.tv/india-russia-bilateral-trade-crossed-11-billion-in-2012/", "2013"),
    "HINDU_JAN2013": _news(
        "The Hindu", "Indo-Russian trade posts impressive growth",
        "http://www.thehindu.com/news/international/indorussian-trade-posts-impressive-growth/article4348097.ece",
        "2013-01-26"),
    "TASS_FEB2022": _news(
        "TASS", "Russian trade representative in India on 2019-2021 trade turnover",
        "https://tass.ru/ekonomika/13605521/amp", "2022-02-03"),
    "MANTUROV_APR2023": _news(
        "ETV Bharat",
        "Trade turnover between India and Russia exceeded $35 billion, says Denis Manturov",
        "https://etvbharat.com/english/national/international/top-news/trade-turnover-between-india-and-russia-exceeded-billion-dollars-says-russia-trade-minister-denis-manturov/na20230418193501673673442",
        "2023-04-18"),
    "MANTUROV_JUL2024": _news(
        "Devdiscourse",
        "Russia and India strengthen strategic partnership with $57 billion trade turnover",
        "https://www.devdiscourse.com/article/international/3012561-russia-and-india-strengthen-strategic-partnership-with-57-billion-trade-turnover",
        "2024-07-10"),
    "RIA_VIA_VESTIKAVKAZA_DEC2023": _news(
        "RIA Novosti (via Vestnik Kavkaza)", "India-Russia trade, January-October 2023",
        "https://en.vestikavkaza.ru/material/165455", "2023-12-23"),
    "SPUTNIK_FEB2024": _news(
        "Sputnik India", "India to double purchases of oil and petroleum products from Russia in 2023",
        "https://hindi.sputniknews.in/amp/20240220/bhaarat-2023-men-ruus-se-dogunii-kr-degaa-tel-aur-petrolium-utpaadon-kii-khariid-6620950.html",
        "2024-02-20"),
    "RIA_VIA_24NEWNEWS_2025": _news(
        "RIA Novosti (via 24newnews.ru)",
        "Russia-India trade reached a record 70 billion dollars (calendar 2024)",
        "https://24newnews.ru/tovarooborot-rossii-i-indii-dostig-rekordnoy-otmetki-v-70-milliardov-dollarov-3567231.html"),
}
