package dev.stagecheck.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of user the access matrix checks ({@code role.N.*}): its name and how it signs in. With
 * {@code form} it signs in through the login form (login.*) with credentials of its own; with
 * {@code basic}, {@code bearer}, {@code header} or {@code cookie} every request it makes carries
 * them; with {@code digest} the browser answers the site's Digest challenges with them. Secrets are
 * named, never held: {@link SecretRef}.
 *
 * @param header the request header ({@code header}) or cookie ({@code cookie}) name that carries {@code secret}
 * @param realm  the only realm a {@code digest} role answers ({@code role.N.realm}); empty: any realm of the site
 */
public record Role(String name, Auth auth, Optional<SecretRef> username, Optional<SecretRef> password,
                   Optional<SecretRef> secret, Optional<String> header, Optional<String> realm) {

    /** The implicit role of every matrix: no credentials at all. */
    public static final String VISITOR = "visitor";

    public enum Auth {
        FORM, BASIC, DIGEST, BEARER, HEADER, COOKIE;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The columns of the access matrix: the visitor, then these roles in the profile's order. */
    public static List<String> columns(List<Role> roles) {
        var names = new ArrayList<String>();
        names.add(VISITOR);
        roles.forEach(role -> names.add(role.name()));
        return List.copyOf(names);
    }

    static Role read(ProfileReader reader, int n, boolean hasLoginForm) {
        var prefix = "role." + n + ".";
        var name = reader.required(prefix + "name", "the role's name, one word such as editor (the matrix keys access.N.<name> use it)");
        if (!name.matches("[a-z][a-z0-9_-]*") || name.equals(VISITOR) || name.equals("url") || name.equals("api") || name.equals("area")) {
            throw reader.malformed(prefix + "name", name, "one lower-case word (letters, digits, - or _) other than visitor, url, area and api");
        }
        var kinds = java.util.Arrays.stream(Auth.values()).map(Auth::key).toList();
        var auth = Auth.valueOf(reader.choice(prefix + "auth", "form", kinds).toUpperCase(Locale.ROOT));
        return switch (auth) {
            case FORM -> {
                if (!hasLoginForm) {
                    throw new ConfigException(reader.origin(prefix + "auth") + ": role " + name + " signs in with the login form"
                            + " (role." + n + ".auth=form), but login.url is missing: add the login keys, or give the role another auth");
                }
                yield new Role(name, auth, Optional.of(reader.secret(prefix + "username.env", "the role's user name")),
                        Optional.of(reader.secret(prefix + "password.env", "the role's password")), Optional.empty(), Optional.empty(), Optional.empty());
            }
            case BASIC -> new Role(name, auth, Optional.of(reader.secret(prefix + "username.env", "the role's user name")),
                    Optional.of(reader.secret(prefix + "password.env", "the role's password")), Optional.empty(), Optional.empty(), Optional.empty());
            case DIGEST -> new Role(name, auth, Optional.of(reader.secret(prefix + "username.env", "the role's user name")),
                    Optional.of(reader.secret(prefix + "password.env", "the role's password")), Optional.empty(), Optional.empty(),
                    reader.optional(prefix + "realm"));
            case BEARER -> new Role(name, auth, Optional.empty(), Optional.empty(),
                    Optional.of(reader.secret(prefix + "token.env", "the role's bearer token")), Optional.empty(), Optional.empty());
            case HEADER -> new Role(name, auth, Optional.empty(), Optional.empty(),
                    Optional.of(reader.secret(prefix + "value.env", "the header's value")),
                    Optional.of(headerName(reader, prefix + "header", "the request header that carries it, such as X-API-Key")), Optional.empty());
            case COOKIE -> new Role(name, auth, Optional.empty(), Optional.empty(),
                    Optional.of(reader.secret(prefix + "value.env", "the cookie's value")),
                    Optional.of(headerName(reader, prefix + "cookie", "the cookie's name, such as wordpress_logged_in_1a2b")), Optional.empty());
        };
    }

    private static String headerName(ProfileReader reader, String key, String what) {
        var name = reader.required(key, what);
        if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw reader.malformed(key, name, "a header or cookie name (letters, digits and - _ . only, no spaces)");
        }
        return name;
    }

    /** The secrets this role names, for the preflight check that they are set. */
    public List<SecretRef> secrets() {
        var all = new ArrayList<SecretRef>();
        username.ifPresent(all::add);
        password.ifPresent(all::add);
        secret.ifPresent(all::add);
        return all;
    }

    /** How it signs in, for the matrix table: "login form", "Basic", "header X-API-Key" ... */
    public String describe() {
        return switch (auth) {
            case FORM -> "login form";
            case BASIC -> "HTTP Basic";
            case DIGEST -> "HTTP Digest" + realm.map(r -> " (realm " + r + ")").orElse("");
            case BEARER -> "Bearer token";
            case HEADER -> "header " + header.orElseThrow();
            case COOKIE -> "cookie " + header.orElseThrow();
        };
    }
}
