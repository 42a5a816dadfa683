#!/usr/bin/env python3
"""Builds www/data/chi-tieu.json (the tracker's demo data) from the real sources.

Extraction only: every target, indicator and deadline is copied verbatim from the plan text; the
tracker parses them at load time (nothing is classified here). Sources:
  * Hà Tĩnh, Quyết định 3098/QĐ-UBND (31/12/2024), Kế hoạch CCHC năm 2025: section II (chỉ tiêu)
    and the appendix "Khung nhiệm vụ CCHC trọng tâm năm 2025" (every row of the table);
  * Ninh Thuận, Kế hoạch thông tin, tuyên truyền CCHC năm 2024: the index targets in I.1.e;
  * results: official VCCI PCI spreadsheets 2013–2016 (github:mdtrinh/vietnamdata, CC0) and PAPI
    dimension totals 2018–2024 derived from github:hnks-gh/ml-mcdm (MIT), labelled "derived".
Usage: scripts/build_chi_tieu.py [SHARED_DIR] > www/data/chi-tieu.json
(SHARED_DIR defaults to ../shared; needs openpyxl. Dev-time only: the widget reads the JSON.)
"""
import csv, json, re, sys, os

SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
SEED_HT = os.path.join(SHARED, "seeds", "003_a5b74ff242722c67.txt")
SEED_NT = os.path.join(SHARED, "seeds", "002_5424d2661d8151db.txt")
IDX = os.path.join(SHARED, "data", "indices")
HT_URL = "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Quyet-dinh-3098-QD-UBND-2024-Ke-hoach-cai-cach-hanh-chinh-tinh-Ha-Tinh-nam-2025.aspx"
PCI_URL = "https://pcivietnam.vn (VCCI PCI {y}; sheet Summary_VN via github:mdtrinh/vietnamdata, CC0)"
PAPI_URL = "https://papi.org.vn (sum of sub-dimensions, github:hnks-gh/ml-mcdm data/csv/{y}.csv, MIT)"

AREAS = ["chi_dao_dieu_hanh", "the_che", "tthc", "to_chuc_bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"]
ROMAN = {"I": 0, "II": 1, "III": 2, "IV": 3, "V": 4, "VI": 5, "VII": 6}


def clean(s):
    s = re.sub(r"\s+", " ", s or "").strip()
    return s or None


def section_ii(lines):
    """II. CÁC CHỈ TIÊU CHỦ YẾU: '1. Heading' then '1.1. text' items, until III."""
    out, area, start = [], None, None
    for i, l in enumerate(lines):
        if l.startswith("II. CÁC CHỈ TIÊU CHỦ YẾU"):
            start = i
        elif start is not None and l.startswith("III. "):
            break
        elif start is not None:
            m = re.match(r"^(\d+)\. (.*)$", l)
            if m and not re.match(r"^\d+\.\d", l):
                area = AREAS[int(m.group(1)) - 1]
                continue
            m = re.match(r"^(\d+\.\d+)\.? (.*)$", l)
            if m and area:
                out.append({"id": "II." + m.group(1), "area": area, "text": clean(m.group(2))})
    return out


def appendix_rows(text):
    """The appendix table: one cell per line ending in '|'; rows start with a lone '|' line and
    have 9 columns; lines of several pipes are empty cells padding row-spanned columns."""
    body = text.split("PHỤ LỤC", 1)[1].split("Đăng xuất", 1)[0]
    lines = [l.rstrip() for l in body.split("\n")]
    i = lines.index("|")
    rows = []
    while i < len(lines):
        if lines[i] != "|":
            i += 1
            continue
        i += 1
        cells, count = [], 0
        while i < len(lines) and count < 9:
            l = lines[i]
            if re.fullmatch(r"\|+", l):
                k = len(l)
                if k == 1:
                    cells.append("")
                    count += 1
                else:
                    count += k  # padding for row-spanned columns: not real cells
            else:
                cells.append(l[:-1].strip() if l.endswith("|") else l.strip())
                count += 1
                extra = len(l) - len(l.rstrip("|")) - 1
                count += max(0, extra)
            i += 1
        rows.append(cells)
    return rows


DEADLINE_CELL = re.compile(r"^(Quý|Tháng|Năm 20|Thường xuyên|Theo (?!dự toán)|Sau khi|trước)", re.I)


def map_row(cells, cols):
    """Anchors on the deadline cell (column 8): lead, co-owners and output sit just before it and
    the budget just after; the remaining cells fill task/objective/TT from the right. Rows whose
    deadline cell is empty fall back to right alignment."""
    idx = [k for k, c in enumerate(cells) if DEADLINE_CELL.match(c)]
    if not idx:
        return dict(zip(cols[9 - len(cells):], cells))
    k = idx[-1]
    row = {"deadline_text": cells[k]}
    if k + 1 < len(cells):
        row["budget"] = cells[k + 1]
    for name, j in zip(["co_owners", "lead", "output", "activity", "task", "objective", "tt"], range(k - 1, -1, -1)):
        row[name] = cells[j]
    return row


def tasks(text):
    cols = ["tt", "objective", "task", "activity", "output", "lead", "co_owners", "deadline_text", "budget"]
    out, section, tt, objective, task_text = [], None, None, None, None
    for cells in appendix_rows(text)[1:]:  # skip the header row
        if not any(cells):
            continue
        if len(cells) >= 2 and cells[0] in ROMAN and len([c for c in cells if c]) == 2:
            section, objective, task_text = AREAS[ROMAN[cells[0]]], None, None
            continue
        if len(cells) == 2:  # group heading ("Ứng dụng công nghệ thông tin …")
            continue
        row = map_row(cells, cols)
        if row.get("tt"):
            tt = row["tt"]
        if "objective" in row:
            objective = clean(row["objective"]) or objective
        if "task" in row:
            task_text = clean(row["task"]) or task_text
        out.append({
            "id": "PL.%s.%d" % ([k for k, v in ROMAN.items() if AREAS[v] == section][0], len([t for t in out if t["area"] == section]) + 1),
            "area": section,
            "objective": objective,
            "task": task_text,
            "activity": clean(row.get("activity")),
            "output": clean(row.get("output")),
            "lead": clean(row.get("lead")),
            "co_owners": clean(row.get("co_owners")),
            "deadline_text": clean(row.get("deadline_text")) or "",
            "budget": clean(row.get("budget")),
            "progress": "planned",
        })
    return [{k: v for k, v in t.items() if v is not None} for t in out]


def pci_results(province):
    import openpyxl
    res = []
    for y in range(2013, 2017):
        wb = openpyxl.load_workbook(os.path.join(IDX, "pci_2005_2016_papi_2011_2016_vietnamdata", "PCI_%d.xlsx" % y), read_only=True, data_only=True)
        rows = list(wb["Summary_VN"].iter_rows(values_only=True))
        header = rows[0]
        # Each sub-index is ranked in its own (province, score) column pair: (1,2), (3,4) … (19,20);
        # the weighted PCI is in (21 province, 22 score, 23 rank, 24 band).
        names = [clean(str(header[c])) for c in range(2, 22, 2)]
        subs, found = {}, None
        for r in rows[1:]:
            for k, c in enumerate(range(1, 21, 2)):
                if r[c] == province and isinstance(r[c + 1], (int, float)):
                    subs[names[k]] = round(float(r[c + 1]), 4)
            if r[21] == province:
                found = {"year": y, "score": round(float(r[22]), 2), "rank": int(r[23]), "rank_of": 63,
                         "band": r[24], "status": "official", "source_url": PCI_URL.format(y=y)}
        if found:
            found["sub_scores"] = subs
            res.append(found)
    return res


def papi_results(code):
    out = []
    with open(os.path.join(IDX, "papi_2011_2024_hnks-gh", "DERIVED_dimension_totals.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["province_code"] == code and int(r["year"]) >= 2018:
                out.append({"year": int(r["year"]), "score": round(float(r["sum_of_available_dimensions"]), 2), "status": "derived",
                            "source_url": PAPI_URL.format(y=r["year"]),
                            "note": "Tổng 8 nội dung tính từ điểm nội dung thành phần (%s/29 nội dung có dữ liệu); không phải thứ hạng chính thức" % r["n_subdims_present"]})
    return out


INDEX_NAMES = {
    "PAR_INDEX": ("par_index", "Chỉ số cải cách hành chính (PAR INDEX)", "Public Administration Reform Index (PAR INDEX)"),
    "SIPAS": ("sipas", "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", "Satisfaction Index of Public Administrative Services (SIPAS)"),
    "PAPI": ("papi", "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "Provincial Governance and Public Administration Performance Index (PAPI)"),
    "PCI": ("pci", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Provincial Competitiveness Index (PCI)"),
    "DTI": ("dti", "Chỉ số chuyển đổi số cấp tỉnh (DTI)", "Provincial Digital Transformation Index (DTI)"),
}


def index(iid, results=(), targets=()):
    kind, vi, en = INDEX_NAMES[iid]
    return {"id": iid, "kind": kind, "name_vi": vi, "name_en": en, "results": list(results), "targets": list(targets)}


def ninh_thuan_targets(text):
    """The bullets of I.1.e, split per index, verbatim."""
    m = re.search(r"- (Chỉ số cải cách hành chính \(PAR INDEX\).*?)\n\n- (Chỉ số năng lực.*?)\n\n- (Chỉ số sự hài lòng.*?)\n", text, re.S)
    par_papi, pci, sipas = (clean(g) for g in m.groups())
    par, papi = par_papi.split("; ", 1)
    src = {"plan": "Ninh Thuận, KH thông tin, tuyên truyền CCHC năm 2024 (thực hiện QĐ 1826/QĐ-UBND ngày 25/12/2023)", "plan_issued": "2024-02-01"}
    return {
        "PAR_INDEX": [dict(year=2024, text=par, **src)],
        "PAPI": [dict(year=2024, text=papi, **src)],
        "PCI": [dict(year=2024, text=pci, **src)],
        "SIPAS": [dict(year=2024, text=sipas, **src)],
    }


def main():
    ht = open(SEED_HT, encoding="utf-8").read()
    nt = open(SEED_NT, encoding="utf-8").read()
    ntt = ninh_thuan_targets(nt)
    doc = {
        "$schema": "../../schemas/chi-tieu.schema.json",
        "format": "cchc-chi-tieu",
        "version": 1,
        "as_of": "2025-11-23",
        "agencies": [
            {
                "id": "ha-tinh",
                "name": "UBND tỉnh Hà Tĩnh",
                "province": "Hà Tĩnh",
                "indices": [index("PCI", pci_results("Hà Tĩnh")), index("PAPI", papi_results("P28"))],
                "plans": [{
                    "id": "ha-tinh-kh-cchc-2025",
                    "title": "Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2025",
                    "number": "3098/QĐ-UBND",
                    "issued": "2024-12-31",
                    "year": 2025,
                    "source_url": HT_URL,
                    "indicators": section_ii(ht.split("\n")),
                    "tasks": tasks(ht),
                }],
            },
            {
                "id": "ninh-thuan",
                "name": "UBND tỉnh Ninh Thuận",
                "province": "Ninh Thuận (từ 01/07/2025 thuộc tỉnh Khánh Hòa)",
                "indices": [
                    index("PAR_INDEX", [], ntt["PAR_INDEX"]),
                    index("PAPI", papi_results("P38"), ntt["PAPI"]),
                    index("PCI", pci_results("Ninh Thuận"), ntt["PCI"]),
                    index("SIPAS", [], ntt["SIPAS"]),
                ],
                "plans": [],
            },
        ],
    }
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
