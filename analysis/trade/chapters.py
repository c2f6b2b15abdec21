"""Short names of HS 2-digit chapters for charts and tables, beside the official names.

The official chapter names (``data/trade/hs2_chapters.csv``, from TRADESTAT) run to a hundred
characters ("Nuclear reactors, boilers, machinery and mechanical appliances; parts thereof") and
were cut mid-word on the charts. :data:`SHORT_NAMES` is a curated reading of each chapter in two
to four words, written for this project from the Harmonized System's headings; the official name
stays in the data and in :func:`chapter_names`.
"""
from __future__ import annotations

import pandas as pd

SHORT_NAMES: dict[str, str] = {
    "01": "Live animals", "02": "Meat", "03": "Fish and seafood", "04": "Dairy, eggs, honey",
    "05": "Other animal products", "06": "Plants and flowers", "07": "Vegetables",
    "08": "Fruit and nuts", "09": "Coffee, tea, spices", "10": "Cereals",
    "11": "Milling products", "12": "Oil seeds", "13": "Lac, gums, resins",
    "14": "Other plant products", "15": "Fats and oils", "16": "Meat and fish preparations",
    "17": "Sugar", "18": "Cocoa", "19": "Cereal preparations", "20": "Vegetable and fruit preparations",
    "21": "Other food preparations", "22": "Beverages", "23": "Food residues, animal feed",
    "24": "Tobacco", "25": "Salt, stone, cement", "26": "Ores, slag and ash",
    "27": "Mineral fuels, oil", "28": "Inorganic chemicals", "29": "Organic chemicals",
    "30": "Pharmaceuticals", "31": "Fertilisers", "32": "Dyes, paints, inks",
    "33": "Essential oils, cosmetics", "34": "Soaps, waxes", "35": "Proteins, glues, enzymes",
    "36": "Explosives, matches", "37": "Photographic goods", "38": "Other chemical products",
    "39": "Plastics", "40": "Rubber", "41": "Hides and skins", "42": "Leather goods",
    "43": "Furs", "44": "Wood", "45": "Cork", "46": "Basketware", "47": "Wood pulp",
    "48": "Paper and paperboard", "49": "Printed matter", "50": "Silk", "51": "Wool",
    "52": "Cotton", "53": "Other plant fibres", "54": "Man-made filaments",
    "55": "Man-made staple fibres", "56": "Wadding, felt, rope", "57": "Carpets",
    "58": "Special fabrics", "59": "Coated fabrics", "60": "Knitted fabrics",
    "61": "Knitted clothing", "62": "Woven clothing", "63": "Other textile articles",
    "64": "Footwear", "65": "Headgear", "66": "Umbrellas", "67": "Feathers, artificial flowers",
    "68": "Stone and cement articles", "69": "Ceramics", "70": "Glass",
    "71": "Pearls, gems, precious metals", "72": "Iron and steel", "73": "Iron and steel articles",
    "74": "Copper", "75": "Nickel", "76": "Aluminium", "78": "Lead", "79": "Zinc", "80": "Tin",
    "81": "Other base metals", "82": "Tools, cutlery", "83": "Misc. metal articles",
    "84": "Machinery", "85": "Electrical machinery", "86": "Railway equipment",
    "87": "Vehicles", "88": "Aircraft", "89": "Ships and boats", "90": "Optical, medical instruments",
    "91": "Clocks and watches", "92": "Musical instruments", "93": "Arms and ammunition",
    "94": "Furniture, lighting", "95": "Toys, games, sports goods", "96": "Misc. manufactures",
    "97": "Works of art", "98": "Project goods", "99": "Other commodities",
}


def short_name(hs_chapter: str, official: str | None = None) -> str:
    """The short name of a chapter ("84" → "Machinery"); the official name, else the code, for
    a chapter not in the list."""
    return SHORT_NAMES.get(str(hs_chapter).zfill(2) if str(hs_chapter).isdigit() else str(hs_chapter),
                           official if official else f"HS {hs_chapter}")


def chapter_names() -> pd.DataFrame:
    """Every chapter with its short and official names: hs_chapter, short_name, chapter_name."""
    from analysis.datasets import load_table

    ch = load_table("trade/hs2_chapters")[["hs_chapter", "chapter_name"]]
    return ch.assign(short_name=[short_name(c, n) for c, n in zip(ch["hs_chapter"],
                                                                  ch["chapter_name"])])[
        ["hs_chapter", "short_name", "chapter_name"]]
