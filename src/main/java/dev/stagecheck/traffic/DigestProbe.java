package dev.stagecheck.traffic;

import dev.stagecheck.url.SafeUrl;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.auth.DigestSchemeFactory;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A plain HTTP GET that answers an HTTP Digest challenge (RFC 7616: MD5, SHA-256, SHA-512-256,
 * qop auth) with the given user name and password, through Apache HttpClient 5's own Digest
 * scheme: the "curl --digest" of the guide. Only Digest is offered, only to the URL's own host and
 * port (and realm, when given), so the password never travels as Basic nor to another site.
 * Redirects are not followed, cookies are not kept; credentials never appear in what it returns.
 */
public final class DigestProbe {
    private final Duration timeout;

    public DigestProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** What the URL answered once the challenge was answered (or, when it was not, the challenge itself). */
    public HttpProbe.Answer get(String url, String username, String password, Optional<String> realm) {
        var uri = URI.create(url);
        var host = HttpHost.create(uri);
        var scope = new AuthScope(host, realm.orElse(null), StandardAuthScheme.DIGEST);
        var credentials = CredentialsProviderBuilder.create()
                .add(scope, new UsernamePasswordCredentials(username, password.toCharArray())).build();
        var config = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(timeout))
                .setRedirectsEnabled(false)
                .setTargetPreferredAuthSchemes(List.of(StandardAuthScheme.DIGEST))
                .build();
        var schemes = RegistryBuilder.<AuthSchemeFactory>create().register(StandardAuthScheme.DIGEST, DigestSchemeFactory.INSTANCE).build();
        try (var client = HttpClients.custom()
                .setDefaultAuthSchemeRegistry(schemes)
                .setDefaultCredentialsProvider(credentials)
                .setDefaultRequestConfig(config)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(timeout)).setSocketTimeout(Timeout.of(timeout)).build())
                        .build())
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .build()) {
            var context = HttpClientContext.create();
            return client.execute(new HttpGet(uri), context, response -> new HttpProbe.Answer(SafeUrl.of(url), response.getCode(),
                    headers(response.getHeaders())));
        } catch (IOException | IllegalArgumentException e) {
            throw HttpProbe.unreachable(url, e);
        }
    }

    /** Header names lower-cased, as {@link HttpProbe} (java.net.http) gives them. */
    private static Map<String, List<String>> headers(Header[] headers) {
        var map = new LinkedHashMap<String, List<String>>();
        for (var header : headers) {
            map.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(header.getValue());
        }
        return map;
    }
}
