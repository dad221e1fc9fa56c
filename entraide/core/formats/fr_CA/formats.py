"""Canadian French time formats: "13 h 40".

Django 5.2's own fr_CA formats leave the "h" unescaped, which prints the 12-hour
hour ("13 01 40"); only the corrected formats are here, the rest comes from Django.
"""

TIME_FORMAT = "H\xa0\\h\xa0i"  # 13 h 40
DATETIME_FORMAT = "j F Y, H\xa0\\h\xa0i"  # 31 janvier 2024, 13 h 40
SHORT_DATETIME_FORMAT = "Y-m-d H\xa0\\h\xa0i"
