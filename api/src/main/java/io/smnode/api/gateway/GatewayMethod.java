package io.smnode.api.gateway;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.grpc.ServiceDescription;

/**
 * One unary method of a gRPC service implementation, callable with a request message: what the JSON gateway needs.
 * Found from the service's descriptor and the generated Java interface (method {@code List} is {@code list(..)}),
 * so every unary method of every service given to the gateway is served without code per method.
 */
record GatewayMethod(String path, Message.Builder prototype, Method method, Object implementation) {

    /** The unary methods of {@code implementation}, a generated service interface's implementation. */
    static List<GatewayMethod> of(ServiceDescription service, Class<?> api, Object implementation) {
        Descriptors.ServiceDescriptor descriptor = service.descriptor().findServiceByName(
                service.name().substring(service.name().lastIndexOf('.') + 1));
        List<GatewayMethod> methods = new ArrayList<>();
        for (Descriptors.MethodDescriptor m : descriptor.getMethods()) {
            if (m.isClientStreaming() || m.isServerStreaming()) {
                continue;
            }
            Method java = javaMethod(api, m.getName());
            Message.Builder prototype = prototype(java.getParameterTypes()[0]);
            methods.add(new GatewayMethod("/" + service.name() + "/" + m.getName(), prototype, java, implementation));
        }
        return methods;
    }

    /** Calls the method; a failure it throws comes back as the stage's failure. */
    @SuppressWarnings("unchecked")
    CompletionStage<Message> call(Message request) {
        try {
            return (CompletionStage<Message>) method.invoke(implementation, request);
        } catch (InvocationTargetException e) {
            return CompletableFuture.failedFuture(e.getCause());
        } catch (IllegalAccessException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Method javaMethod(Class<?> api, String rpc) {
        String name = rpc.substring(0, 1).toLowerCase(Locale.ROOT) + rpc.substring(1);
        for (Method m : api.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1) {
                return m;
            }
        }
        throw new IllegalArgumentException(api.getName() + " has no method " + name);
    }

    private static Message.Builder prototype(Class<?> messageType) {
        try {
            return ((Message) messageType.getMethod("getDefaultInstance").invoke(null)).newBuilderForType();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(messageType.getName() + " is not a generated message", e);
        }
    }
}
