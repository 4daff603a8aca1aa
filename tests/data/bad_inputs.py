"""Bad inputs for the loaders, one per kind of error: (reader, file name, content, expected message)."""

from __future__ import annotations

from pathlib import Path

from clusterlib.data import (
    read_benchmarks,
    read_employment,
    read_exports,
    read_firms,
    read_initiatives,
    read_io_table,
    read_monitoring,
    read_province_factors,
    read_relations,
    read_stakeholders,
    read_survey,
)


def _write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


_EMP = "province,nace,year,employment,workplaces\n"
_FIRMS = (
    "cluster,firm_id,name,plate,province,district,nace,nace_class,size_class,employees,founded,stage,export_share\n"
    "gaziantep_footwear,GAZ-001,Adım Ayakkabı,27,Gaziantep,Şehitkamil,"
    "15,15.20,medium,120,1998,manufacturing,0.4\n"
    "gaziantep_footwear,GAZ-002,Taban Kalıp,27,Gaziantep,Şahinbey,22,22.19,small,25,2005,inputs,0\n"
)
_SURVEY = "cluster,firm_id,year,item,answer\n"
_RELATIONS = "cluster,source,target,target_name,relation,importance,local,target_province\n"

BAD_INPUTS = {
    "unknown province": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,10,1\nKahramanmras,25,2023,5,1\n",
        r"^employment\.csv, row 3, column 'province': 'Kahramanmras' is not a province; "
        r"did you mean 'Kahramanmaraş'",
    ),
    "unknown NACE division": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,04,2023,10,1\n",
        r"^employment\.csv, row 2, column 'nace': '04' is not a NACE Rev\.2 division \('04'\); "
        r"did you mean '03', '05' or '02'\?$",
    ),
    "NACE class where a division is expected": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,1520,2023,10,1\n",
        r"^employment\.csv, row 2, column 'nace': '1520' is a NACE class \('15\.20'\); "
        r"expected a 2-digit division such as '15' \(groups and classes are not added up into their "
        r"division silently: sum them into division rows first\)$",
    ),
    "non-numeric employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,12a,1\n",
        r"^employment\.csv, row 2, column 'employment': '12a' is not a number; expected a whole number ≥ 0$",
    ),
    "negative employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2022,3,1\nGaziantep,15,2023,-5,1\nÇorum,28,2023,-7,1\n",
        r"^employment\.csv: 2 problems:\n"
        r"  row 3, column 'employment': '-5' is below the minimum 0; expected a whole number ≥ 0\n"
        r"  row 4, column 'employment': '-7' is below the minimum 0; expected a whole number ≥ 0$",
    ),
    "fractional employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,10.5,1\n",
        r"row 2, column 'employment': '10\.5' is not a whole number; expected a whole number ≥ 0",
    ),
    "empty employment cell": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,,1\n",
        r"row 2, column 'employment': is empty; expected a whole number ≥ 0",
    ),
    "duplicate key": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,10,1\nAntep,15,2023,12,1\n",
        r"^employment\.csv, row 3: duplicate key \(plate=27, nace='15', year=2023\): already in row 2; "
        r"expected one row per \(plate, nace, year\)$",
    ),
    "missing column": (
        read_employment,
        "employment.csv",
        "province,nace,year,workplaces\nGaziantep,15,2023,1\n",
        r"^employment\.csv, row 1: missing column 'employment' \(also accepted: istihdam, sigortalı.*\); "
        r"the file has columns \['province', 'nace', 'year', 'workplaces'\]$",
    ),
    "empty file": (
        read_employment,
        "employment.csv",
        "",
        r"^employment\.csv: is empty; expected a header row",
    ),
    "header without rows": (
        read_employment,
        "employment.csv",
        _EMP,
        r"^employment\.csv, row 1: has a header row but no data rows$",
    ),
    "year out of range": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,1890,10,1\n",
        r"^employment\.csv, row 2, column 'year': '1890' is not a plausible year; expected a year from "
        r"1950 to 2100$",
    ),
    "workplaces 0 with employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,25,0\n",
        r"^employment\.csv, row 2, column 'workplaces': workplaces is 0 but employment is 25; ",
    ),
    "workplaces without employment": (
        read_employment,
        "employment.csv",
        _EMP + "Gaziantep,15,2023,0,3\n",
        r"row 2, column 'workplaces': workplaces is 3 but employment is 0",
    ),
    "undecodable bytes": (
        read_employment,
        "employment.csv",
        _EMP.encode() + b"Gaziantep,15,2023,10,1\nAnkara\x81,15,2023,10,1\n",
        r"^employment\.csv, row 3: byte b'\\x81' at position 70 cannot be decoded as UTF-8 or Windows-1254",
    ),
    "binary garbage": (
        read_employment,
        "employment.csv",
        bytes(range(256)) * 4,
        r"^employment\.csv, row 1: is not a text table: it contains NUL bytes",
    ),
    "ambiguous number": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment,avg_wage\nGaziantep,15,2023,10,1.234\nÇorum,28,2023,10,2.500\n",
        r"^employment\.csv, row 2, column 'avg_wage': '1\.234' could be 1234 \(Turkish thousands "
        r"separator\) or "
        r"1\.234 \(decimal point\); .*expected a number > 0",
    ),
    "mixed decimal marks": (
        read_employment,
        "employment.csv",
        "province;nace;year;employment;avg_wage\nGaziantep;15;2023;10;1234,5\nÇorum;28;2023;10;2345.5\n",
        r"^employment\.csv, row 3, column 'avg_wage': mixes decimal commas and decimal points "
        r"\('1234,5' and '2345\.5'\)",
    ),
    "decimal comma inside a comma-separated row": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment,avg_wage\nGaziantep,15,2023,10,1234,5\n",
        r"^employment\.csv, row 2: has 6 cells but the header has 5; is ',' also used inside values",
    ),
    "plate and province disagree": (
        read_employment,
        "employment.csv",
        "plate,province,nace,year,employment\n27,Kahramanmaraş,25,2023,10\n",
        r"^employment\.csv, row 2, column 'plate': plate 27 is Gaziantep but the province column says "
        r"'Kahramanmaraş'",
    ),
    "plate out of range": (
        read_employment,
        "employment.csv",
        "plaka,nace,year,employment\n82,25,2023,10\n",
        r"^employment\.csv, row 2, column 'plaka': '82' is above the maximum 81; expected a whole number "
        r"from 1 to 81",
    ),
    "legacy xls": (
        read_employment,
        "employment.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
        r"^employment\.xls: is a legacy Excel \.xls workbook; save it as \.xlsx",
    ),
    "broken xlsx": (
        read_employment,
        "employment.xlsx",
        b"PK\x03\x04 not really a zip",
        r"^employment\.xlsx: cannot be opened as an \.xlsx workbook",
    ),
    "a single column": (
        read_employment,
        "employment.csv",
        "province\nÇorum\n",
        r"^employment\.csv, row 1: has only one column in its first row; expected columns separated by ','",
    ),
    "unclosed quote": (
        read_employment,
        "employment.csv",
        'province,nace,year,employment\n"Çorum,28,2023,5\n',
        r"^employment\.csv, row 2: cannot be split into columns: unexpected end of data",
    ),
    "control character": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment\nÇo\x07rum,28,2023,5\n",
        r"^employment\.csv, row 2: is not a text table: it contains the control character '\\x07'",
    ),
    "broken UTF-16": (
        read_employment,
        "employment.csv",
        b"\xff\xfeh\x00i",
        r"^employment\.csv: starts like UTF-16 text but byte 4 cannot be decoded",
    ),
    "values under no heading": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment,\nÇorum,28,2023,5,7\n",
        r"^employment\.csv, row 1: column 5 holds values but has no heading$",
    ),
    "heading twice": (
        read_employment,
        "employment.csv",
        "province,nace,year,employment,employment\nÇorum,28,2023,5,7\n",
        r"^employment\.csv, row 1: heading 'employment' appears twice \(columns 4 and 5\)$",
    ),
    "two headings for one column": (
        read_employment,
        "employment.csv",
        "il,province,nace,year,employment\nÇorum,Çorum,28,2023,5\n",
        r"^employment\.csv, row 1, column 'province': headings 'il' and 'province' both mean 'province'",
    ),
    "exports outside goods": (
        read_exports,
        "exports.csv",
        "plate,province,nace,year,exports_usd\n27,Gaziantep,62,2023,1000\n",
        r"^exports\.csv, row 2, column 'nace': division '62' \(section J\) is not a goods division",
    ),
    "export share 1.3": (
        read_firms,
        "firms.csv",
        _FIRMS.replace(",0.4\n", ",1.3\n"),
        r"^firms\.csv, row 2, column 'export_share': '1\.3' is above the maximum 1; "
        r"expected a number from 0 to 1 \(a share",
    ),
    "size class contradicts employees": (
        read_firms,
        "firms.csv",
        _FIRMS.replace(",medium,120,", ",micro,120,"),
        r"^firms\.csv, row 2, column 'size_class': 'micro' does not fit 120 employees; expected 'medium'",
    ),
    "NACE class outside the firm's division": (
        read_firms,
        "firms.csv",
        _FIRMS.replace(",15.20,", ",16.10,"),
        r"^firms\.csv, row 2, column 'nace_class': '16\.10' is not in division '15'",
    ),
    "unknown cluster": (
        read_firms,
        "firms.csv",
        _FIRMS.replace("gaziantep_footwear,GAZ-002", "gaziantep_shoes,GAZ-002"),
        r"^firms\.csv, row 3, column 'cluster': 'gaziantep_shoes' is not allowed; expected one of \[.*\]; "
        r"did you mean 'gaziantep_footwear'\?$",
    ),
    "duplicate firm id": (
        read_firms,
        "firms.csv",
        _FIRMS.replace("GAZ-002", "GAZ-001"),
        r"^firms\.csv, row 3: duplicate key \(firm_id='GAZ-001'\): already in row 2",
    ),
    "survey item answered twice": (
        read_survey,
        "survey.csv",
        _SURVEY
        + "gaziantep_footwear,GAZ-001,2019,exports_fairs,4\ngaziantep_footwear,GAZ-001,2019,exports_fairs,5\n",
        r"^survey\.csv, row 3: duplicate key",
    ),
    "unknown relation type": (
        read_relations,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,GAZ-002,,suplier,4,true,\n",
        r"^relations\.csv, row 2, column 'relation': 'suplier' is not allowed; "
        r"expected one of \['supplier', 'customer', 'cooperation'\]; did you mean 'supplier'\?$",
    ),
    "relation to itself": (
        read_relations,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,GAZ-001,,supplier,4,true,\n",
        r"^relations\.csv, row 2, column 'target': 'GAZ-001' is the interviewed firm itself",
    ),
    "external partner without name": (
        read_relations,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,EXT-GAZ-001,,customer,3,false,İstanbul\n",
        r"^relations\.csv, row 2, column 'target_name': is empty for the external partner 'EXT-GAZ-001'",
    ),
    "not a boolean": (
        read_relations,
        "relations.csv",
        _RELATIONS + "gaziantep_footwear,GAZ-001,GAZ-002,,supplier,4,maybe,\n",
        r"^relations\.csv, row 2, column 'local': 'maybe' is not true or false",
    ),
    "stakeholder outside Türkiye": (
        read_stakeholders,
        "stakeholders.csv",
        "plate,province,name,type,role_en,role_tr,responsibilities_en,responsibilities_tr,district,lat,lon,clusters\n"
        "55,Samsun,Samsun TSO,chamber,Host,Ev sahibi,,,İlkadım,51.5,36.3,samsun_medical\n",
        r"^stakeholders\.csv, row 2, column 'lat': '51\.5' is above the maximum 42\.5; "
        r"expected a number from 35\.5 to 42\.5 \(latitude in Türkiye\)$",
    ),
    "unknown cluster in a list": (
        read_stakeholders,
        "stakeholders.csv",
        "plate,province,name,type,role_en,role_tr,responsibilities_en,responsibilities_tr,district,lat,lon,clusters\n"
        "55,Samsun,Samsun TSO,chamber,Host,Ev sahibi,,,İlkadım,41.3,36.3,samsun_medical;medikal\n",
        r"^stakeholders\.csv, row 2, column 'clusters': item 'medikal' of 'samsun_medical;medikal' is "
        r"not allowed",
    ),
    "unknown stakeholder type": (
        read_stakeholders,
        "stakeholders.csv",
        "plate,province,name,type,role_en,role_tr,responsibilities_en,responsibilities_tr,district,lat,lon,clusters\n"
        "55,Samsun,Samsun TSO,chambre,Host,Ev sahibi,,,İlkadım,41.3,36.3,\n",
        r"column 'type': 'chambre' is not allowed; expected one of \['chamber', .*\]; did you mean "
        r"'chamber'\?",
    ),
    "IO table unbalanced": (
        read_io_table,
        "io_table.csv",
        "from,to,value\nA,A,10\nA,B,5\nA,FD,85\nB,A,20\nB,B,10\nB,FD,70\nVA,A,70\nVA,B,70\n",
        r"^io_table\.csv, column 'value': is not balanced: section B's row total \(intermediate sales \+ "
        r"final "
        r"demand FD\) is 100\.0 but its column total \(intermediate purchases \+ value added VA\) is 85\.0",
    ),
    "IO negative intermediate flow": (
        read_io_table,
        "io_table.csv",
        "from,to,value\nA,A,10\nA,B,-5\n",
        r"^io_table\.csv, row 3, column 'value': intermediate flow A→B is negative \(-5\.0\)",
    ),
    "IO unknown row code": (
        read_io_table,
        "io_table.csv",
        "from,to,value\nA,A,10\nX,B,5\n",
        r"^io_table\.csv, row 3, column 'from': 'X' is not allowed; expected one of \['A', .*'VA'\]",
    ),
    "monitoring direction changes": (
        read_monitoring,
        "monitoring.csv",
        "cluster,indicator,name_en,name_tr,unit,direction,year,baseline,target,actual\n"
        "samsun_medical,members,Members,Üyeler,firms,increase,2019,50,,50\n"
        "samsun_medical,members,Members,Üyeler,firms,decrease,2020,50,55,53\n",
        r"^monitoring\.csv: 2 problems:\n  row 2, column 'direction': 'increase' differs from other rows "
        r"of the same \(cluster, indicator\) = \(samsun_medical, members\)\n  row 3, column 'direction'",
    ),
    "benchmark value not a number": (
        read_benchmarks,
        "benchmarks.csv",
        "indicator,reference,country,sector,year,value,unit,note\nmembers,EU "
        "median,EU,footwear,2020,many,firms,\n",
        r"^benchmarks\.csv, row 2, column 'value': 'many' is not a number; expected a number$",
    ),
    "initiative with an unknown division": (
        read_initiatives,
        "initiatives.csv",
        "id,name_en,name_tr,plate,province,sector,nace_divisions,year,lead_organisation,members,notes\n"
        "medikum,MEDİKÜM,MEDİKÜM,55,Samsun,Medical,32;34,2009,MEDİKÜM,50,\n",
        r"^initiatives\.csv, row 2, column 'nace_divisions': item '34' of '32;34' is not allowed: "
        r"'34' is not a NACE Rev\.2 division \('34'\); did you mean '33', '35' or '32'\?$",
    ),
    "negative factor count": (
        read_province_factors,
        "province_factors.csv",
        "plate,province,year,oiz_count,universities,vocational_graduates,rd_personnel_per_10k,broadband_per_100\n"
        "19,Çorum,2023,-1,1,1200,3.5,20.1\n",
        r"^province_factors\.csv, row 2, column 'oiz_count': '-1' is below the minimum 0",
    ),
}
