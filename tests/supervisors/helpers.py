"""Test helpers for the supervisor lifecycle: valid ID numbers, application data, role users."""
import datetime as dt

from stdnum.cn import ric


def id_number(birth: dt.date, seq: int = 1, region: str = "110105") -> str:
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")  # the function expects a placeholder digit


def application_data(jurisdiction: str, *, name="周明", birth=dt.date(1980, 5, 1), seq=1, **extra) -> dict:
    data = {
        "name": name, "gender": "male", "birth_date": birth,
        "id_number": id_number(birth, seq, "110105"),
        "phone": "13800138000", "email": "", "address": "某区某路1号", "workplace": "某律师事务所",
        "post": "律师", "education": "bachelor", "source": "expert" if jurisdiction == "wuhan" else "lawyer", "intake": "self",
        "recommending_unit": "", "occupations": [], "records": [],
        "statement": "热心行政执法监督工作。", "materials_true": True,
    }
    data.update(extra)
    return data


def form_post(data: dict) -> dict:
    """The same data as the public form posts it."""
    out = {}
    for key, value in data.items():
        if isinstance(value, bool):
            if value:
                out[key] = "on"
        elif isinstance(value, dt.date):
            out[key] = value.isoformat()
        else:
            out[key] = value
    return out
