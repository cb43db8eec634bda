package ru.rusoragentai.console.abuse.ui;

import java.util.List;

/** The rules' codes, for filters shown to staff who may not read the Rules screen (support). */
final class AbuseRuleCodes {

    static final List<String> ALL = List.of("multi_account", "signup_burst", "bonus_farming", "usage_spike", "expensive_burn",
            "automation", "lockstep", "refunds", "impossible_travel", "shared_account", "insider", "possible_minor");

    private AbuseRuleCodes() {
    }
}
