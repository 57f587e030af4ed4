"""Anonymized summaries and their writers (CSV, XLSX, PDF) for supervisors' exports.

Also what every printable or spreadsheet export shares, with no Qt: the document model a PDF is drawn
from (:mod:`safecase.reports.document`, rendered by :mod:`safecase.pdf`) and the formula-safe CSV
writer (:mod:`safecase.reports.csv_writer`); evidence packets use both.
"""
