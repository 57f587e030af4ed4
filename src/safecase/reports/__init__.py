"""Anonymized summaries and their writers (CSV, XLSX, PDF) for supervisors' exports."""
