#!/usr/bin/env python3
"""Split the NSO administrative-unit list into small files for on-demand loading.

Input: thanglequoc/vietnamese-provinces-database `full_json_generated_data_vn_units_*.json`
(34 provinces / 3,321 communes, state after 30/2026/QH16 + 237/NQ-UBTVQH16, 30/04/2026).
Output: tinh.json (34 provinces) and xa-<code>.json (communes of one province), names in NFC,
sorted in Vietnamese alphabetical order (letters a ă â b c d đ e ê ..., tones only break ties).

Usage: python3 tools/dvhc-split.py INPUT.json OUT_DIR STATE_DATE
"""
import json
import sys
import unicodedata

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
SHAPES = {"\u0306", "\u0302", "\u031b"}


def sort_key(name):
    primary, secondary = [], []
    for ch in unicodedata.normalize("NFC", name).lower():
        parts = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in parts if c not in TONES)
        tone = sum(TONES.get(c, 0) for c in parts)
        letter = unicodedata.normalize("NFC", base)
        if letter in ALPHABET:
            primary.append((1, ALPHABET.index(letter)))
        elif letter.isspace():
            primary.append((0, 0))
        else:
            primary.append((2, ord(letter[0]) if letter else 0))
        secondary.append(tone)
    return (primary, secondary)


def nfc(s):
    return unicodedata.normalize("NFC", s).strip()


def unit_type(short):
    return nfc(short)


def main():
    src, out, state = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(src, encoding="utf-8") as f:
        provinces = json.load(f)
    tinh = []
    total = 0
    for p in provinces:
        code = p["Code"]
        tinh.append({"code": code, "name": nfc(p["Name"]), "type": unit_type(p["AdministrativeUnitShortName"])})
        communes = [
            {"code": w["Code"], "name": nfc(w["Name"]), "type": unit_type(w["AdministrativeUnitShortName"])}
            for w in p["Wards"]
        ]
        communes.sort(key=lambda c: (sort_key(c["name"]), c["code"]))
        total += len(communes)
        doc = {"version": 1, "state": state, "province": code, "communes": communes}
        with open(f"{out}/xa-{code}.json", "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
    tinh.sort(key=lambda p: (sort_key(p["name"]), p["code"]))
    doc = {"version": 1, "state": state, "provinces": tinh}
    with open(f"{out}/tinh.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{len(tinh)} provinces, {total} communes", file=sys.stderr)


if __name__ == "__main__":
    main()
