package org.calibrate.deeplinking.entity;

import java.util.List;

/**
 * A deep linking request waiting for the teacher's answer, as kept between the launch and the
 * response (JSON in the cluster cache, so public fields for JSON-B).
 */
public class DeepLinkingRequest {
    public long platformId;
    public String deploymentId;
    public String courseId;
    public String userId;
    public String returnUrl;
    public List<String> acceptTypes;
    public String data;
    public String title;
    public String text;
    /** The platform offers AGS here, so the resource link may carry a line item (Deep Linking 2.0 §3.2.1 lineItem). */
    public boolean lineItems;
}
