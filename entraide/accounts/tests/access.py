from entraide.core.testing import Rule, members_only

# allauth's own pages: public entrance pages answer everyone (signed-in people are
# sent on), account management pages need a session.
PUBLIC = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
    "account_inactive",
]

RULES = [
    Rule("accounts:profile", expect=members_only()),
    # An empty submission is refused with its errors shown (200), nothing saved.
    Rule("accounts:profile", method="POST", data={}, expect=members_only()),
    Rule("accounts:privacy", expect=members_only()),
    Rule("accounts:privacy", method="POST", data={}, expect=members_only()),
    Rule("accounts:data_export", expect=members_only()),
    Rule(
        "accounts:data_export",
        method="POST",
        data={},
        expect={"anonymous": 302},
        default=405,
    ),
    Rule("accounts:delete", expect=members_only()),
    # Without the password nothing is deleted: the form comes back with its error.
    Rule("accounts:delete", method="POST", data={}, expect=members_only()),
    Rule("account_login", expect={"anonymous": 200}, default=302),
    Rule("account_signup", expect={"anonymous": 200}, default=302),
    Rule("account_reset_password", default=200),
    Rule("account_reset_password_done", default=200),
    Rule("account_email_verification_sent", default=200),
    Rule("account_inactive", default=200),
    Rule("account_logout", default=200, expect={"anonymous": 302}),
    Rule("account_logout", method="POST", data={}, default=302),
    Rule("account_email", expect=members_only()),
    Rule("account_change_password", expect=members_only()),
    Rule("account_set_password", expect={"anonymous": 302}, default=302),
    Rule("account_reauthenticate", expect=members_only()),
    # Re-authentication by emailed code (allauth 65.22): the request form needs a
    # session; the confirmation page sends back to it until a code was requested.
    Rule("account_request_reauthentication_code", expect=members_only()),
    Rule("account_confirm_reauthentication_code", default=302),
    Rule("account_confirm_login_code", default=302),
    Rule("account_confirm_email", kwargs={"key": "not-a-key"}, default=200),
    Rule(
        "account_reset_password_from_key",
        kwargs={"uidb36": "zz", "key": "not-a-key"},
        default=200,
    ),
    Rule("account_reset_password_from_key_done", default=200),
]
