package no.samhandling.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take a {@link Caller} parameter; a token without a municipality may call no tenant API. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String MUNICIPALITY_CLAIM = "municipality";
    static final String ROLES_CLAIM = "roles";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new AccessDeniedException("Not authenticated with a token");
        }
        return caller(token.getToken());
    }

    static Caller caller(Jwt jwt) {
        String municipality = jwt.getClaimAsString(MUNICIPALITY_CLAIM);
        if (municipality == null || !municipality.matches("\\d{4}")) {
            throw new AccessDeniedException("The token names no municipality");
        }
        return new Caller(jwt.getSubject(), municipality, roles(jwt));
    }

    static Set<Role> roles(Jwt jwt) {
        List<String> names = jwt.getClaimAsStringList(ROLES_CLAIM);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
