// The interface's lint rules: JavaScript's and TypeScript's recommended sets, React's rules of
// hooks, and the project's own: screens never import an adapter (they receive the backend
// through the port), and nothing is left to the console.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["dist/", "public/", "test-results/", "node_modules/"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["src/**/*.{ts,tsx}"],
        plugins: { "react-hooks": reactHooks },
        rules: {
            "react-hooks/rules-of-hooks": "error",
            "react-hooks/exhaustive-deps": "error",
            "no-console": "error",
            "no-restricted-imports": [
                "error",
                { patterns: [{ group: ["**/adapters/*"], message: "Screens receive the backend through the port (ui/backendContext.tsx)." }] }
            ]
        }
    },
    {
        // The bootstrap is the one place that picks an adapter.
        files: ["src/main.tsx"],
        rules: { "no-restricted-imports": "off" }
    },
    {
        rules: {
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }]
        }
    }
);
