"""Independent reader for the output tests: python-docx (Debian python3-docx) reads DOCX files back.

Usage: /usr/bin/python3 read_docx.py a.docx [b.docx ...]  ->  JSON on stdout, one entry per file.
Reports page size and margins (twips), the odd/even footer setting and footers, every table as a grid
of cell texts and of merged-cell identities (python-docx resolves gridSpan/vMerge itself), the grid
column widths and table properties, every run's fonts (all four slots) and size, and paragraph spacing.
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

import docx
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def on(el):
    """A w:ST_OnOff element that is present and not switched off."""
    return el is not None and el.get(qn("w:val"), "true") not in ("false", "0", "off")


def twips(length):
    return None if length is None else int(round(length / 635))


def run_info(r):
    rpr = r.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    sz = rpr.find(qn("w:sz")) if rpr is not None else None
    text = "".join(t.text or "" for t in r.iter(qn("w:t")))
    slots = {}
    if fonts is not None:
        for k, v in fonts.attrib.items():
            slots[k.replace(W, "")] = v
    return {
        "text": text,
        "fonts": slots,
        "size": int(sz.get(qn("w:val"))) if sz is not None else None,
        "bold": rpr is not None and rpr.find(qn("w:b")) is not None,
    }


def para_info(p):
    ppr = p._p.find(qn("w:pPr"))
    sp = ppr.find(qn("w:spacing")) if ppr is not None else None
    ind = ppr.find(qn("w:ind")) if ppr is not None else None
    return {
        "text": p.text,
        "style": p.style.name if p.style is not None else None,
        "alignment": str(p.alignment) if p.alignment is not None else None,
        "line": sp.get(qn("w:line")) if sp is not None else None,
        "lineRule": sp.get(qn("w:lineRule")) if sp is not None else None,
        "firstLine": ind.get(qn("w:firstLine")) if ind is not None else None,
        "indLeft": ind.get(qn("w:left")) if ind is not None else None,
        "indRight": ind.get(qn("w:right")) if ind is not None else None,
        "runs": [run_info(r) for r in p._p.iter(qn("w:r"))],
        "xml_has_page_field": "PAGE" in "".join(t.text or "" for t in p._p.iter(qn("w:instrText")))
        or any(f.get(qn("w:instr"), "").strip().startswith("PAGE") for f in p._p.iter(qn("w:fldSimple"))),
    }


def table_info(t):
    rows, cols = len(t.rows), len(t.columns)
    texts, ids = [], []
    # Keep every <w:tc> proxy alive so id() is stable; a position's identity is its <w:tc>'s index.
    tcs = list(t._tbl.iter(qn("w:tc")))
    index = {id(tc): k for k, tc in enumerate(tcs)}
    for r in range(rows):
        trow, irow = [], []
        for c in range(cols):
            cell = t.cell(r, c)
            trow.append(cell.text)
            irow.append(index[id(cell._tc)])
        texts.append(trow)
        ids.append(irow)
    tbl = t._tbl
    tblpr = tbl.find(qn("w:tblPr"))
    layout = tblpr.find(qn("w:tblLayout")) if tblpr is not None else None
    tblw = tblpr.find(qn("w:tblW")) if tblpr is not None else None
    grid = [int(g.get(qn("w:w"))) for g in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    header_rows = []
    for i, tr in enumerate(tbl.findall(qn("w:tr"))):
        trpr = tr.find(qn("w:trPr"))
        th = trpr.find(qn("w:tblHeader")) if trpr is not None else None
        if th is not None and th.get(qn("w:val"), "true") not in ("false", "0", "off"):
            header_rows.append(i)
    cell_widths = []
    for tc in tbl.iter(qn("w:tc")):
        tcw = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
        cell_widths.append(None if tcw is None else [tcw.get(qn("w:type")), int(tcw.get(qn("w:w")))])
    # texts of vertically written cells (a vMerge continuation repeats the direction with no text)
    vertical = [
        "".join(t.text or "" for t in tc.iter(qn("w:t")))
        for tc in tbl.iter(qn("w:tc"))
        if tc.find(qn("w:tcPr") + "/" + qn("w:textDirection")) is not None
        and tc.find(qn("w:tcPr") + "/" + qn("w:textDirection")).get(qn("w:val")) in ("tbRl", "tbRlV")
    ]
    vertical = [v for v in vertical if v != ""]
    paras = [para_info(p) for row in t.rows for cell in row.cells for p in cell.paragraphs]
    # per row: do all its paragraphs keep with the next (Word's way of keeping table rows together)?
    # (cells continuing a vertical merge hold an empty paragraph of their own and are not counted)
    def origin_cells(tr):
        for tc in tr.findall(qn("w:tc")):
            vm = tc.find(qn("w:tcPr") + "/" + qn("w:vMerge"))
            if vm is None or vm.get(qn("w:val")) == "restart":
                yield tc

    row_keep = [
        all(on(p.find(qn("w:pPr") + "/" + qn("w:keepNext"))) for tc in origin_cells(tr) for p in tc.iter(qn("w:p")))
        for tr in tbl.findall(qn("w:tr"))
    ]
    return {
        "rows": rows,
        "cols": cols,
        "texts": texts,
        "ids": ids,
        "grid": grid,
        "layout": layout.get(qn("w:type")) if layout is not None else None,
        "width": [tblw.get(qn("w:type")), int(tblw.get(qn("w:w")))] if tblw is not None else None,
        "headerRows": header_rows,
        "cellWidths": cell_widths,
        "vertical": vertical,
        "paragraphs": paras,
        "rowKeepNext": row_keep,
    }


def font_table(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/fontTable.xml"))
    out = {}
    for f in root.findall(W + "font"):
        alt = f.find(W + "altName")
        cs = f.find(W + "charset")
        out[f.get(W + "name")] = {
            "altName": alt.get(W + "val") if alt is not None else None,
            "charset": cs.get(W + "val") if cs is not None else None,
        }
    return out


def read(path):
    d = docx.Document(path)
    s = d.sections[0]
    styles_xml = d.styles.element.xml
    body_xml = d.element.body.xml
    return {
        "page": {"width": twips(s.page_width), "height": twips(s.page_height)},
        "margins": {
            "top": twips(s.top_margin),
            "bottom": twips(s.bottom_margin),
            "left": twips(s.left_margin),
            "right": twips(s.right_margin),
        },
        "evenAndOdd": bool(d.settings.odd_and_even_pages_header_footer),
        "footerOdd": [para_info(p) for p in s.footer.paragraphs],
        "footerEven": [para_info(p) for p in s.even_page_footer.paragraphs],
        "paragraphs": [para_info(p) for p in d.paragraphs],
        "tables": [table_info(t) for t in d.tables],
        "themeFontsInStyles": "Theme" in styles_xml and ("asciiTheme" in styles_xml or "eastAsiaTheme" in styles_xml or "hAnsiTheme" in styles_xml),
        "fontTable": font_table(path),
        "themeFontsInBody": "asciiTheme" in body_xml or "eastAsiaTheme" in body_xml or "hAnsiTheme" in body_xml,
    }


if __name__ == "__main__":
    json.dump([read(p) for p in sys.argv[1:]], sys.stdout, ensure_ascii=False)
