from entraide.core.testing import Rule

RULES = [
    Rule("core:home"),
    Rule("core:privacy"),
    Rule("core:set_language", method="POST", data={"language": "en"}, default=302),
    Rule("core:set_language", expect={}, default=405),
]
