package dev.stagecheck.demo;

/** A signed-in user: the member, or the staff member, who alone may open {@code /members/staff} (a 403 to the member). */
record Session(String id, String email, String displayName, boolean staff) {
}
