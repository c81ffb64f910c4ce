<?php
// PHP 8.2's built-in web server (Debian's php-cli: `php -S 127.0.0.1:PORT router.php`), the lab's fifth set
// (issue 17). A small site written in the patterns PHP's manual and its common tutorials show:
// - HTTP authentication with PHP (manual, features.http-auth): PHP_AUTH_USER / PHP_AUTH_PW, else a Basic challenge,
//   `header('HTTP/1.0 401 Unauthorized')` and the manual's "Text to send if user hits Cancel button";
// - a session login whose guard redirects to login.php?redirect=…, and a session-stored CSRF token compared with
//   hash_equals (403 "Invalid CSRF token");
// - a JSON API reading a Bearer JWT (HS256) and answering an expired one with RFC 6750's invalid_token;
// - a CORS header naming one partner origin, and the server's own 404 page for a missing file.
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$users = ['lab' => 'labpass'];
$secret = 'lab-php-jwt-secret';
session_start();

function json_out(int $status, array $body): void {
    http_response_code($status);
    header('Content-Type: application/json');
    echo json_encode($body);
}

function b64url_decode(string $s): string {
    return base64_decode(strtr($s, '-_', '+/'));
}

switch ($path) {
case '/':
    echo 'lab';
    break;

case '/admin.php':
    if (!isset($_SERVER['PHP_AUTH_USER']) || ($users[$_SERVER['PHP_AUTH_USER']] ?? null) !== ($_SERVER['PHP_AUTH_PW'] ?? '')) {
        header('WWW-Authenticate: Basic realm="My Realm"');
        header('HTTP/1.0 401 Unauthorized');
        echo 'Text to send if user hits Cancel button';
        exit;
    }
    echo "<p>Hello {$_SERVER['PHP_AUTH_USER']}.</p>";
    break;

case '/login.php':
    if ($_SERVER['REQUEST_METHOD'] === 'POST') {
        if (($users[$_POST['username'] ?? ''] ?? null) === ($_POST['password'] ?? '')) {
            session_regenerate_id(true);
            $_SESSION['user'] = $_POST['username'];
            header('Location: ' . ($_POST['redirect'] ?: '/account.php'));
            exit;
        }
        echo 'Wrong user name or password';
        break;
    }
    $back = htmlspecialchars($_GET['redirect'] ?? '/account.php');
    echo "<!doctype html><form method=\"post\" action=\"/login.php\"><input name=\"username\">"
        . "<input name=\"password\" type=\"password\"><input type=\"hidden\" name=\"redirect\" value=\"$back\">"
        . '<button>Sign in</button></form>';
    break;

case '/account.php':
    if (empty($_SESSION['user'])) {
        header('Location: /login.php?redirect=' . urlencode($_SERVER['REQUEST_URI']));
        exit;
    }
    echo "account of {$_SESSION['user']}";
    break;

case '/profile.php':
    if (empty($_SESSION['csrf_token'])) {
        $_SESSION['csrf_token'] = bin2hex(random_bytes(32));
    }
    if ($_SERVER['REQUEST_METHOD'] === 'POST') {
        if (!hash_equals($_SESSION['csrf_token'], $_POST['csrf_token'] ?? '')) {
            http_response_code(403);
            exit('Invalid CSRF token');
        }
        echo 'profile saved';
        break;
    }
    echo '<!doctype html><form method="post" action="/profile.php"><input type="hidden" name="csrf_token" value="'
        . $_SESSION['csrf_token'] . '"><input name="name"><button>Save</button></form>';
    break;

case '/api/me.php':
    $auth = $_SERVER['HTTP_AUTHORIZATION'] ?? '';
    if (!preg_match('/^Bearer\s+(\S+)$/', $auth, $m)) {
        header('WWW-Authenticate: Bearer realm="api"');
        json_out(401, ['error' => 'unauthorized']);
        break;
    }
    $parts = explode('.', $m[1]);
    $ok = count($parts) === 3
        && hash_equals(rtrim(strtr(base64_encode(hash_hmac('sha256', "$parts[0].$parts[1]", $secret, true)), '+/', '-_'), '='), $parts[2]);
    $claims = $ok ? json_decode(b64url_decode($parts[1]), true) : null;
    if (!$ok) {
        header('WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token is invalid"');
        json_out(401, ['error' => 'invalid_token', 'error_description' => 'The access token is invalid']);
    } elseif (($claims['exp'] ?? 0) < time()) {
        header('WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired"');
        json_out(401, ['error' => 'invalid_token', 'error_description' => 'The access token expired']);
    } else {
        json_out(200, ['user' => $claims['sub']]);
    }
    break;

case '/api/partner.php':
    header('Access-Control-Allow-Origin: https://partner.example.com');
    json_out(200, ['rates' => [1.08, 0.86]]);
    break;

case '/api/signup.php':
    $body = json_decode(file_get_contents('php://input'), true) ?? [];
    if (strlen($body['password'] ?? '') < 8) {
        json_out(422, ['errors' => ['password' => 'The password must be at least 8 characters.']]);
        break;
    }
    json_out(201, ['ok' => true]);
    break;

case '/api/boom.php':
    undefined_function_of_the_lab();
    break;

case '/help.php':
    echo '<!doctype html><title>Help</title><h1>403 Forbidden: what it means</h1><p>The server understood the request but refuses to authorize it.</p>';
    break;

default:
    return false; // the built-in server serves the file, or its own 404 page
}
