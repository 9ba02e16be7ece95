package dev.stagecheck.pages;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.SiteProfile.Login;

import java.lang.reflect.InvocationTargetException;

/**
 * How the kit signs in: the one replaceable step of {@link LoginPage}. The default fills the
 * profile's user name and password fields and clicks its submit button; a profile names a class
 * of its own with {@code login.flow} for a site that signs in otherwise (an SSO redirect, a
 * two-step login). Whatever the flow does, the kit still checks the outcome (the success or failure
 * marker), remembers the session to end it after the test, and keeps the safety policy: only the
 * flow's {@link LoginPage#press} may send a form.
 */
public interface SignInFlow {

    /**
     * Signs in with these credentials, starting wherever the browser is (open {@code login.url()}
     * with {@link LoginPage#open()} when the form is not shown), and returns where it ended.
     * {@code password} is a secret: never print, log or attach it.
     */
    PageVisit signIn(LoginPage page, Login login, String username, String password);

    /** The profile's flow: {@code login.flow} names a class with a public no-argument constructor, or the form flow. */
    static SignInFlow of(Login login) {
        return login.flow().map(SignInFlow::named).orElseGet(FormSignIn::new);
    }

    private static SignInFlow named(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException("login.flow = '" + className + "' is no class on the test classpath: give the full name of"
                    + " your class (e.g. com.example.SsoSignIn in src/test/java), or remove the key for the form flow");
        }
        if (!SignInFlow.class.isAssignableFrom(type)) {
            throw new ConfigException("login.flow = '" + className + "' does not implement " + SignInFlow.class.getName()
                    + ": implement it (README, \"Adding your own checks\")");
        }
        try {
            return (SignInFlow) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new ConfigException("login.flow = '" + className + "' cannot be made: it needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new ConfigException("login.flow = '" + className + "' failed in its constructor: " + e.getCause());
        }
    }
}
