package dev.stagecheck.demo;

/** A signed-in member. The demo has one member and no roles, which is why {@code /members/staff} is a 403. */
record Session(String id, String email, String displayName) {
}
