// The stylesheet main.tsx imports: esbuild bundles it into app.css.
declare module '*.css';
