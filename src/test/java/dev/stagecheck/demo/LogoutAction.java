package dev.stagecheck.demo;

/** {@code /logout}: ends the server session, clears the cookie and goes home. */
final class LogoutAction {

    private final SessionStore sessions;

    LogoutAction(SessionStore sessions) {
        this.sessions = sessions;
    }

    void addTo(Router router) {
        router.get("/logout", this::logout);
    }

    private Response logout(Request request) {
        sessions.cookieValue(request.headers()).ifPresent(sessions::close);
        return Response.seeOther("/")
                .withHeader("Set-Cookie", SessionStore.clearCookie())
                .noStore();
    }
}
