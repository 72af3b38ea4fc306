"""Certificates as PDF (fpdf2). The printable HTML page is the template
``courses/certificate.html``; this draws the same content on a landscape page."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _
from fpdf import FPDF


def _latin1(text: str) -> str:
    # fpdf2's built-in fonts cover Latin-1 only; other characters print as "?" rather than
    # failing. The HTML certificate shows any script.
    return text.encode("latin-1", "replace").decode("latin-1")


def certificate_pdf(certificate, verify_url: str, site_name: str) -> bytes:
    pdf = FPDF(orientation="landscape", format="letter")
    pdf.set_title(_latin1(_("Certificate of completion")))
    pdf.set_creator(site_name)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    width = pdf.w - 2 * pdf.l_margin

    pdf.set_draw_color(29, 79, 145)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)

    def line(text, size, style="", space=0, color=(27, 31, 36)):
        pdf.set_text_color(*color)
        pdf.set_font("Helvetica", style, size)
        pdf.ln(space)
        pdf.multi_cell(width, size * 0.5, _latin1(text), align="C")

    pdf.set_y(35)
    line(site_name, 16, "B", color=(29, 79, 145))
    line(_("Certificate of completion"), 30, "B", space=8)
    line(_("This certifies that"), 14, space=12)
    line(certificate.learner_name, 26, "B", space=6)
    line(_("completed the course"), 14, space=8)
    line(certificate.course.localized.title, 22, "B", space=6)
    line(
        _("on %(date)s") % {"date": formats.date_format(certificate.issued_at, "DATE_FORMAT")},
        14,
        space=6,
    )
    line(
        _("Verification code %(code)s at %(url)s")
        % {"code": certificate.formatted_code, "url": verify_url},
        10,
        space=18,
        color=(74, 83, 96),
    )
    return bytes(pdf.output())
