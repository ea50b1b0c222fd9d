package com.interactionledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controller methods take a {@link CommandContext} parameter, built from the request headers. */
class CommandContextResolver implements HandlerMethodArgumentResolver {

    private final IdGenerator ids;

    CommandContextResolver(IdGenerator ids) {
        this.ids = ids;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        return CommandContext.from(request.getNativeRequest(HttpServletRequest.class), ids.generateId().toString());
    }
}
