package org.calibrate.deeplinking.control;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.calibrate.keys.control.ToolJwts;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the {@code LtiDeepLinkingResponse} JWT (Deep Linking 2.0 §4.5): one {@code ltiResourceLink}
 * back to the tool, whose custom parameter names the Calibrate placement, with a {@code lineItem}
 * when the platform offers grades — or, for an Asset Processor request, one {@code ltiAssetProcessor}.
 */
public final class DeepLinkingResponse {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final String CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";
    static final String DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";
    static final String MSG = "https://purl.imsglobal.org/spec/lti-dl/claim/msg";

    /** A content item of the response. */
    public sealed interface ContentItem permits Item, Processor {
        String title();
    }

    /** What the teacher placed. */
    public record Item(String placementId, String title, Optional<String> text, URI launchUrl, Optional<LineItem> lineItem) implements ContentItem {
    }

    /**
     * LTI Asset Processor §3 (content item {@code ltiAssetProcessor}): Calibrate attached to an assignment as its processor,
     * so the platform sends the assignment's submissions as notices. It needs no launch URL: the notices come to the
     * handler the tool registers.
     */
    public record Processor(String title, Optional<String> text) implements ContentItem {
    }

    /** Deep Linking 2.0 §3.2.1 lineItem: the gradebook column the platform creates with the link. */
    public record LineItem(String label, double scoreMaximum, String resourceId, String tag) {
    }

    private DeepLinkingResponse() {
    }

    /**
     * @param clientId    our client id: the response's issuer (§4.5 iss)
     * @param platformIssuer the platform: the response's audience (§4.5 aud)
     * @param data        the request's data, echoed unchanged (§4.4.1 data)
     */
    public static String sign(String clientId, String platformIssuer, String deploymentId, Optional<String> data,
                              List<? extends ContentItem> items, Instant now, RSAKey key) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .audience(platformIssuer)
                .jwtID(UUID.randomUUID().toString())
                .claim("nonce", UUID.randomUUID().toString())
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deploymentId)
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingResponse")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim(CONTENT_ITEMS, items.stream().map(DeepLinkingResponse::contentItem).toList());
        data.ifPresent(d -> claims.claim(DATA, d));
        if (!items.isEmpty()) {
            claims.claim(MSG, "Calibrate placed: " + items.get(0).title());
        }
        return ToolJwts.sign(claims, now, LIFETIME, key);
    }

    private static Map<String, Object> contentItem(ContentItem content) {
        if (content instanceof Processor p) {
            Map<String, Object> processor = new LinkedHashMap<>();
            processor.put("type", "ltiAssetProcessor");
            processor.put("title", p.title());
            p.text().ifPresent(t -> processor.put("text", t));
            return processor;
        }
        Item item = (Item) content;
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("type", "ltiResourceLink");
        link.put("title", item.title());
        item.text().ifPresent(t -> link.put("text", t));
        link.put("url", item.launchUrl().toString());
        link.put("custom", Map.of(org.calibrate.placement.control.Placements.CUSTOM_PLACEMENT, item.placementId()));
        item.lineItem().ifPresent(li -> {
            Map<String, Object> lineItem = new LinkedHashMap<>();
            lineItem.put("label", li.label());
            lineItem.put("scoreMaximum", li.scoreMaximum());
            lineItem.put("resourceId", li.resourceId());
            lineItem.put("tag", li.tag());
            link.put("lineItem", lineItem);
        });
        return link;
    }
}
