package dev.stagecheck.selftest;

import dev.stagecheck.access.AccessCell;
import dev.stagecheck.access.Observed;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.ProfileReader;
import dev.stagecheck.config.Role;
import dev.stagecheck.config.SecretRef;
import dev.stagecheck.config.SiteProfile;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/** The roles and the access matrix of a profile as the README describes them, and the one rule of a cell. */
public class AccessProfileTest {
    private Properties demo;

    @BeforeClass
    public void readTheDemoProfile() throws IOException {
        demo = new Properties();
        try (var in = Files.newBufferedReader(ProjectFiles.demoProfile())) {
            demo.load(in);
        }
    }

    @Test(description = "the demo profile declares four roles, each signing in its own way, and a matrix of six URLs")
    public void demoProfileHasRolesAndAMatrix() {
        var profile = load(demo);
        assertEquals(profile.roles().stream().map(Role::name).toList(), List.of("member", "staff", "reports", "admin", "partner"), "role names");
        assertEquals(profile.roles().stream().map(Role::auth).toList(),
                List.of(Role.Auth.FORM, Role.Auth.FORM, Role.Auth.DIGEST, Role.Auth.BASIC, Role.Auth.HEADER), "role auth kinds");
        assertEquals(profile.roles().get(2).realm(), Optional.of("Reports"), "the reports role answers only its realm");
        assertEquals(profile.roles().get(4).header(), Optional.of("X-API-Key"), "the partner's header");
        assertEquals(profile.access().size(), 9, "matrix rows");
        assertEquals(profile.access().get(8).area(), Optional.of("/members/*"), "access.9 is an area");
        assertEquals(profile.access().get(8).url(), "/members/", "an area's entry is by default its fixed beginning");
        var admin = profile.access().get(4).expected("visitor").orElseThrow();
        assertEquals(admin.status(), 401);
        assertEquals(admin.scheme(), Optional.of("Basic"));
        assertEquals(admin.realm(), Optional.of("Admin Area"));
        assertTrue(profile.access().get(1).expected("visitor").orElseThrow().toLogin(), "login is a redirect to the login page");
        assertEquals(profile.access().get(1).expected("member").orElseThrow().marker(), Optional.of(".member-greeting"));
        assertTrue(profile.access().get(5).api(), "access.6 is an API row");
        assertEquals(profile.access().get(5).expected("admin"), Optional.empty(), "a role the row does not name is not checked there");
        assertTrue(profile.secrets().stream().map(SecretRef::name).anyMatch("STAGECHECK_DEMO_STAFF_PASSWORD"::equals),
                "the roles' variables are among the secrets the preflight checks");
    }

    @Test(description = "an area row that cannot be searched as written is refused in one line naming its key")
    public void badAreaRowsAreRefused() {
        assertTrue(refused("access.1.area", "/members/").contains("a glob with *"), "an area is a glob");
        assertTrue(refused("access.9.api", "true").contains("an API has no links"), "an API is not searched by its links");
        assertTrue(refused("access.1.pages", "5").contains("limits the pages of an area"), "a page limit goes with an area");
        assertTrue(refused("access.9.pages", "0").contains("1 or more"), "at least one page");
        var outside = refused("access.9.url", "/docs/");
        assertTrue(outside.contains("access.9.url") && outside.contains("is not in access.9.area"), outside);
    }

    @Test(description = "an answer the matrix does not know is refused in one line naming the key, the value and the choices")
    public void badAnswerIsRefused() {
        var error = refused("access.1.visitor", "ok");
        assertTrue(error.contains("access.1.visitor") && error.contains("'ok'") && error.contains("login (a redirect to the login page)"), error);
        assertTrue(refused("access.1.visitor", "403 shows .x").contains("only after 200"), "shows goes with 200 only");
        assertTrue(refused("access.1.visitor", "200 Basic").contains("only after 401"), "a scheme goes with 401 only");
        assertTrue(refused("access.1.visitor", "418").contains("'418'"), "a status the matrix does not check");
    }

    @Test(description = "a matrix key naming no role, a role named visitor, a role declared twice and a form role without a login form are refused")
    public void badRolesAreRefused() {
        var unknown = refused("access.1.editor", "200");
        assertTrue(unknown.contains("access.1.editor") && unknown.contains("names no role") && unknown.contains("visitor, member, staff"), unknown);
        assertTrue(refused("role.1.name", "visitor").contains("other than visitor"), "visitor is implicit");
        assertTrue(refused("role.1.name", "Editor Role").contains("one lower-case word"), "a role name is one word");
        assertTrue(refused("role.2.name", "member").contains("declared twice"), "each role once");
        var realmOfBasic = refused("role.4.realm", "Admin Area");
        assertTrue(realmOfBasic.contains("role.4.realm") && realmOfBasic.contains("unknown"), "only a digest role has a realm: " + realmOfBasic);
        assertTrue(refused("role.4.auth", "kerberos").contains("form, basic, digest, bearer, header or cookie"), "the auth kinds");
        var withoutLogin = copy();
        withoutLogin.keySet().removeIf(key -> key.toString().startsWith("login.") || key.toString().startsWith("logout.")
                || key.toString().startsWith("forbidden.") || key.toString().startsWith("crawl.as.member"));
        var error = expectThrows(ConfigException.class, () -> load(withoutLogin)).getMessage();
        assertTrue(error.contains("role.1.auth=form") && error.contains("login.url is missing"), error);
    }

    @Test(description = "a cell matches when the URL's own answer is the one asked for, and its line names role, URL, expected and got")
    public void cellRule() {
        var profile = load(demo);
        var login = Optional.of("/login");
        var toLogin = profile.access().get(1).expected("visitor").orElseThrow();
        assertFalse(AccessCell.seen("visitor", "/members/", false, toLogin, new Observed(303, Optional.of("http://x/login?next=%2F"), List.of(),
                Optional.empty())).differs(login), "a 303 to the login page is what login asks for");
        assertTrue(AccessCell.seen("visitor", "/members/", false, toLogin, new Observed(303, Optional.of("http://x/"), List.of(),
                Optional.empty())).differs(login), "a redirect elsewhere is not to the login page");
        var forbidden = profile.access().get(3).expected("member").orElseThrow();
        var open = AccessCell.seen("member", "/members/staff", false, forbidden, new Observed(200, Optional.empty(), List.of(), Optional.empty()));
        assertTrue(open.differs(login));
        assertEquals(open.line(), "Wrong access: member GET /members/staff expected 403, got 200");
        var admin = profile.access().get(4).expected("visitor").orElseThrow();
        var wrongRealm = AccessCell.seen("visitor", "/admin/", false, admin,
                new Observed(401, Optional.empty(), List.of("Basic realm=\"Restricted\""), Optional.empty()));
        assertTrue(wrongRealm.differs(login), "another realm is another challenge");
        assertEquals(wrongRealm.line(), "Wrong access: visitor GET /admin/ expected 401 Basic realm=\"Admin Area\", got 401 Basic realm=\"Restricted\"");
        var greeting = profile.access().get(1).expected("member").orElseThrow();
        assertTrue(AccessCell.seen("member", "/members/", false, greeting, new Observed(200, Optional.empty(), List.of(), Optional.of(false)))
                .differs(login), "200 without the marker asked for differs");
        assertFalse(AccessCell.notChecked("member", "/members/", false, greeting, "could not sign in").differs(login),
                "a cell not checked is listed, not failed: its role's one line says why");
    }

    private String refused(String key, String value) {
        var properties = copy();
        properties.setProperty(key, value);
        return expectThrows(ConfigException.class, () -> load(properties)).getMessage();
    }

    private Properties copy() {
        var copy = new Properties();
        copy.putAll(demo);
        return copy;
    }

    private static SiteProfile load(Properties properties) {
        return SiteProfile.from(new ProfileReader(properties, "sites/test.properties"));
    }
}
