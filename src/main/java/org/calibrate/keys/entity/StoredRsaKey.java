package org.calibrate.keys.entity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;

/** An RS256 key pair kept in the database (PKCS#8 private half, JWK public half). */
@MappedSuperclass
public abstract class StoredRsaKey {
    @Id
    private String kid;
    @Column(name = "private_key", nullable = false)
    private byte[] privateKey;
    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredRsaKey() {
    }

    protected StoredRsaKey(Instant now) {
        RSAKey key = generate();
        this.kid = key.getKeyID();
        try {
            this.privateKey = key.toRSAPrivateKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encode generated key", e);
        }
        this.publicJwk = key.toPublicJWK().toJSONString();
        this.createdAt = now;
    }

    /** 2048-bit, RS256, use=sig, and the kid is the RFC 7638 thumbprint: it names the key and nothing else. */
    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate RSA key", e);
        }
    }

    public RSAKey publicKey() {
        try {
            return RSAKey.parse(publicJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("stored public key " + kid + " is not a JWK", e);
        }
    }

    /** The full key pair, for signing. */
    public RSAKey signingKey() {
        try {
            RSAPrivateKey priv = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            return new RSAKey.Builder(publicKey()).privateKey(priv).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored private key " + kid + " is unreadable", e);
        }
    }

    public String kid() {
        return kid;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        // Never the private key.
        return getClass().getSimpleName() + "[" + kid + "]";
    }
}
