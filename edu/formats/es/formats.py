"""Spanish as written in the United States (CLDR es-US): numbers keep the US separators,
1,234.5, which is what our readers see everywhere else (docs/glossary-es.md). Dates and the
rest come from Django's Spanish formats."""

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
